# Variables handed to the module unchanged are checked there, once; the others are checked here.

variable "project_id" {
  type        = string
  description = "ID of the Google Cloud project to deploy into (checked by the module)."
}

variable "region" {
  type        = string
  description = "Region of the job, buckets, repository and subnetwork; it must offer the accelerator (checked by the module)."
  default     = "europe-west4"
}

variable "name_prefix" {
  type        = string
  description = "Prefix of the bucket names <prefix>-input, -bundles, -staging, -temp, globally unique (checked by the module)."
}

variable "kms_crypto_key" {
  type        = string
  description = "Customer-managed key for the buckets and the job, projects/P/locations/L/keyRings/R/cryptoKeys/K; null: Google-managed (checked by the module)."
  default     = null
}

variable "network_name" {
  type        = string
  description = "Name of the VPC network and subnetwork created for the workers."
  default     = "auglove-workers"

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,52}[a-z0-9])?$", var.network_name))
    error_message = "network_name must be 1 to 54 lowercase letters, digits or hyphens, starting with a letter (\"-dataflow\" is appended for the firewall rule)."
  }
}

variable "subnet_cidr" {
  type        = string
  description = "IPv4 range of the workers' subnetwork."
  default     = "10.8.0.0/24"

  validation {
    condition     = can(cidrhost(var.subnet_cidr, 0)) && can(regex("^[0-9.]+/[0-9]+$", var.subnet_cidr))
    error_message = "subnet_cidr must be an IPv4 CIDR range such as 10.8.0.0/24."
  }
}

variable "template_gcs_path" {
  type        = string
  description = "gs:// path of the vocabulary flex-template spec, normally <templates_url>/vocabulary.json; null until the template is built, and no job is launched (checked by the module)."
  default     = null
}

variable "worker_image" {
  type        = string
  description = "Worker SDK container image with CUDA libtorch, <repository_url>/worker-gpu:TAG; needed once template_gcs_path is set (checked by the module)."
  default     = null
}

variable "run_name" {
  type        = string
  description = "Name of this run: the job is auglove-vocabulary-<run_name> and the bundle is written to <bundles>/vocabulary/<run_name>. Change it for every new run."
  default     = "run-1"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$", var.run_name))
    error_message = "run_name must be 1 to 42 lowercase letters, digits or hyphens, starting and ending with a letter or digit."
  }
}

variable "corpus_path" {
  type        = string
  description = "Where the OpenFace CSVs are inside the input bucket: a folder, a file or a glob."
  default     = "openface/"

  validation {
    condition     = length(var.corpus_path) > 0 && !startswith(var.corpus_path, "/") && !startswith(var.corpus_path, "gs://")
    error_message = "corpus_path must be a path inside the input bucket, without a leading / or gs://."
  }
}

variable "pipeline_options" {
  type        = map(string)
  description = "Further vocabulary options by Beam property name, such as k, vocabK, dimensions, seed; input and output are set from the buckets (names checked by the module)."
  default     = {}

  validation {
    condition     = !contains(keys(var.pipeline_options), "input") && !contains(keys(var.pipeline_options), "output")
    error_message = "pipeline_options must not set input or output: they come from corpus_path and run_name."
  }
}

variable "machine_type" {
  type        = string
  description = "Worker machine type, of the accelerator's family: g2-standard-4 to g2-standard-96 for nvidia-l4 (checked by the module)."
  default     = "g2-standard-8"
}

variable "accelerator_type" {
  type        = string
  description = "GPU on each worker (checked by the module)."
  default     = "nvidia-l4"
}

variable "accelerator_count" {
  type        = number
  description = "GPUs on each worker (checked by the module)."
  default     = 1
}

variable "max_workers" {
  type        = number
  description = "Most workers the job may scale to (checked by the module)."
  default     = 2
}
