variable "project_id" {
  type        = string
  description = "ID of the Google Cloud project that holds the buckets, the worker service account, the image repository and the job."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be 6 to 30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "region" {
  type        = string
  description = "Region of the Dataflow job, the Artifact Registry repository and (unless bucket_location says otherwise) the buckets, for example europe-west4."

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as europe-west4 or us-central1."
  }
}

variable "name_prefix" {
  type        = string
  description = "Prefix of the four bucket names: <prefix>-input, <prefix>-bundles, <prefix>-staging and <prefix>-temp. Bucket names are global, so include something of your own, such as the project ID."

  validation {
    # The longest suffix, "-bundles" or "-staging", has 8 characters and a bucket name at most 63.
    condition     = can(regex("^[a-z0-9][a-z0-9_-]{1,53}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3 to 55 lowercase letters, digits, hyphens or underscores, starting and ending with a letter or digit (bucket name rules; dots are not accepted)."
  }

  validation {
    condition     = !startswith(var.name_prefix, "goog") && length(regexall("google|g00gle", var.name_prefix)) == 0
    error_message = "name_prefix must not start with \"goog\" or contain \"google\": Cloud Storage refuses such bucket names."
  }
}

variable "bucket_location" {
  type        = string
  description = "Location of the buckets (a region or a multi-region such as EU). null: the job's region, which keeps the data where it is processed."
  default     = null

  validation {
    condition     = var.bucket_location == null ? true : can(regex("^[A-Za-z]+[A-Za-z0-9-]*[A-Za-z0-9]$", var.bucket_location))
    error_message = "bucket_location must be a Cloud Storage location such as europe-west4, EU or EUR4."
  }
}

variable "kms_crypto_key" {
  type        = string
  description = "Customer-managed Cloud KMS key (projects/P/locations/L/keyRings/R/cryptoKeys/K) that encrypts the buckets and the job's disks and shuffle. Its location must match bucket_location and region. The Cloud Storage, Dataflow and Compute Engine service agents get encrypter/decrypter on this key only. null: Google-managed keys."
  default     = null

  validation {
    condition     = var.kms_crypto_key == null ? true : can(regex("^projects/[a-z0-9.:-]+/locations/[a-z0-9-]+/keyRings/[A-Za-z0-9_-]+/cryptoKeys/[A-Za-z0-9_-]+$", var.kms_crypto_key))
    error_message = "kms_crypto_key must be a crypto key ID of the form projects/PROJECT/locations/LOCATION/keyRings/RING/cryptoKeys/KEY."
  }
}

variable "temp_retention_days" {
  type        = number
  description = "Days after which objects in the temp bucket are deleted."
  default     = 7

  validation {
    condition     = var.temp_retention_days >= 1 && floor(var.temp_retention_days) == var.temp_retention_days
    error_message = "temp_retention_days must be a whole number of days, at least 1."
  }
}

variable "staging_retention_days" {
  type        = number
  description = "Days after which objects in the staging bucket (staged jars, template specs) are deleted. Rebuild the template after this many days."
  default     = 30

  validation {
    condition     = var.staging_retention_days >= 1 && floor(var.staging_retention_days) == var.staging_retention_days
    error_message = "staging_retention_days must be a whole number of days, at least 1."
  }
}

variable "noncurrent_retention_days" {
  type        = number
  description = "Days after which an overwritten or deleted object's old version is removed, in every bucket (versioning keeps it until then)."
  default     = 30

  validation {
    condition     = var.noncurrent_retention_days >= 1 && floor(var.noncurrent_retention_days) == var.noncurrent_retention_days
    error_message = "noncurrent_retention_days must be a whole number of days, at least 1."
  }
}

variable "force_destroy" {
  type        = bool
  description = "Whether terraform destroy may delete buckets that still hold objects. Leave false for buckets with patients' data."
  default     = false
}

variable "labels" {
  type        = map(string)
  description = "Labels put on the buckets, the repository and the job."
  default     = {}

  validation {
    condition     = length(var.labels) <= 64 && alltrue([for key, value in var.labels : can(regex("^[a-z][a-z0-9_-]{0,62}$", key)) && can(regex("^[a-z0-9_-]{0,63}$", value))])
    error_message = "labels: at most 64; each key 1 to 63 lowercase letters, digits, underscores or hyphens starting with a letter, each value at most 63 of the same characters."
  }
}

variable "service_account_id" {
  type        = string
  description = "Account ID (the part before @) of the service account that the Dataflow launcher and workers run as."
  default     = "auglove-worker"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.service_account_id))
    error_message = "service_account_id must be 6 to 30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "repository_id" {
  type        = string
  description = "ID of the Artifact Registry Docker repository for the flex-template launcher image and the worker SDK container image."
  default     = "auglove"

  validation {
    condition     = can(regex("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", var.repository_id))
    error_message = "repository_id must be 1 to 63 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "container_spec_gcs_path" {
  type        = string
  description = "gs:// path of the flex-template spec (the JSON file that gcloud dataflow flex-template build writes). null: no job is created, only the buckets, the service account and the repository, so that the images and the template can be built first."
  default     = null

  validation {
    condition     = var.container_spec_gcs_path == null ? true : can(regex("^gs://[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]/.+\\.json$", var.container_spec_gcs_path))
    error_message = "container_spec_gcs_path must be a gs://BUCKET/PATH.json path."
  }
}

variable "job_name" {
  type        = string
  description = "Name of the Dataflow job."
  default     = "auglove-vocabulary"

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,62}[a-z0-9])?$", var.job_name))
    error_message = "job_name must be 1 to 64 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "parameters" {
  type        = map(string)
  description = "The pipeline's options, by Beam property name (input, output, k, vocabK, dimensions, seed, ...), as the template's metadata lists them. Where the job runs (locations, service account, network, machines, accelerators, container image) is set by this module's own variables."
  default     = {}

  validation {
    condition     = alltrue([for name in keys(var.parameters) : can(regex("^[a-z][A-Za-z0-9]*$", name))])
    error_message = "parameters: each name must be a Beam property name in lowerCamelCase, such as vocabK."
  }

  validation {
    # These would override the placement, identity, network or encryption that this module sets up.
    condition = length(setintersection(keys(var.parameters), [
      "runner", "project", "region", "tempLocation", "gcpTempLocation", "stagingLocation", "serviceAccount",
      "network", "subnetwork", "usePublicIps", "workerMachineType", "maxNumWorkers", "sdkContainerImage",
      "dataflowServiceOptions", "experiments", "dataflowKmsKey", "labels",
    ])) == 0
    error_message = "parameters must not set runner, project, region, tempLocation, gcpTempLocation, stagingLocation, serviceAccount, network, subnetwork, usePublicIps, workerMachineType, maxNumWorkers, sdkContainerImage, dataflowServiceOptions, experiments, dataflowKmsKey or labels: the module's variables set them."
  }
}

variable "subnetwork" {
  type        = string
  description = "Subnetwork of the workers, as regions/REGION/subnetworks/NAME or its full https://www.googleapis.com/compute/v1/projects/PROJECT/... URL (Shared VPC). Workers get private IPs only, so it needs Private Google Access. Required once container_spec_gcs_path is set."
  default     = null

  validation {
    condition     = var.subnetwork == null ? true : can(regex("^(https://www\\.googleapis\\.com/compute/v1/projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/)?regions/[a-z]+-[a-z]+[0-9]+/subnetworks/[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.subnetwork))
    error_message = "subnetwork must be regions/REGION/subnetworks/NAME or https://www.googleapis.com/compute/v1/projects/PROJECT/regions/REGION/subnetworks/NAME."
  }
}

variable "max_workers" {
  type        = number
  description = "Most workers the job may scale to."
  default     = 4

  validation {
    condition     = var.max_workers >= 1 && var.max_workers <= 1000 && floor(var.max_workers) == var.max_workers
    error_message = "max_workers must be a whole number from 1 to 1000."
  }
}

variable "machine_type" {
  type        = string
  description = "Machine type of the workers. With gpu it must be of the accelerator's family (g2-standard-* for nvidia-l4). null: Dataflow's default."
  default     = null

  validation {
    condition     = var.machine_type == null ? true : can(regex("^[a-z][a-z0-9]*-[a-z0-9-]+$", var.machine_type))
    error_message = "machine_type must be a Compute Engine machine type such as n2-standard-4 or g2-standard-8."
  }
}

variable "gpu" {
  type = object({
    accelerator_type = string
    count            = optional(number, 1)
  })
  description = "GPUs on each worker: the accelerator type (nvidia-l4 on G2 machines, or an N1/A2 accelerator) and how many. Needs machine_type of that family and sdk_container_image with CUDA libtorch. null: CPU workers."
  default     = null

  validation {
    condition     = var.gpu == null ? true : contains(["nvidia-l4", "nvidia-tesla-t4", "nvidia-tesla-p4", "nvidia-tesla-v100", "nvidia-tesla-p100", "nvidia-tesla-a100", "nvidia-a100-80gb"], var.gpu.accelerator_type)
    error_message = "gpu.accelerator_type must be one of nvidia-l4, nvidia-tesla-t4, nvidia-tesla-p4, nvidia-tesla-v100, nvidia-tesla-p100, nvidia-tesla-a100, nvidia-a100-80gb."
  }

  validation {
    condition     = var.gpu == null ? true : var.gpu.count >= 1 && var.gpu.count <= 8 && floor(var.gpu.count) == var.gpu.count
    error_message = "gpu.count must be a whole number from 1 to 8."
  }
}

variable "sdk_container_image" {
  type        = string
  description = "Worker SDK container image in Artifact Registry (REGION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE:TAG or @sha256:DIGEST), built on Beam's Java 17 SDK image with CUDA libtorch. Required with gpu. null: Beam's default worker image."
  default     = null

  validation {
    condition     = var.sdk_container_image == null ? true : can(regex("^[a-z0-9-]+-docker\\.pkg\\.dev/[a-z][a-z0-9-]{4,28}[a-z0-9]/[a-z]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9._/-]+(:[A-Za-z0-9._-]{1,128}|@sha256:[a-f0-9]{64})$", var.sdk_container_image))
    error_message = "sdk_container_image must be an Artifact Registry image with a tag or digest: REGION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE:TAG."
  }
}

variable "on_delete" {
  type        = string
  description = "What terraform destroy does to a running job: cancel or drain."
  default     = "cancel"

  validation {
    condition     = contains(["cancel", "drain"], var.on_delete)
    error_message = "on_delete must be cancel or drain."
  }
}
