/**
 * auglove on Google Cloud: the APIs, four private buckets, a least-privilege worker service account, an Artifact
 * Registry repository for the images, and (once a template spec exists) the Dataflow flex-template job.
 *
 * The corpus is patients' facial behaviour, health data: no bucket can be made public, no storage role is granted
 * on the project, no service account key is created, and workers have no public IP.
 */

locals {
  # The buckets, and the object role the worker gets on each: read-only on the corpus.
  bucket_object_roles = {
    input   = "roles/storage.objectViewer"
    bundles = "roles/storage.objectAdmin"
    staging = "roles/storage.objectAdmin"
    temp    = "roles/storage.objectAdmin"
  }

  # Days after which a bucket's objects are deleted; null keeps them (the corpus and the bundles).
  bucket_retention_days = {
    input   = null
    bundles = null
    staging = var.staging_retention_days
    temp    = var.temp_retention_days
  }

  services = toset(concat(
    [
      "artifactregistry.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "compute.googleapis.com",
      "dataflow.googleapis.com",
      "iam.googleapis.com",
      "storage.googleapis.com",
    ],
    var.kms_crypto_key == null ? [] : ["cloudkms.googleapis.com"],
  ))

  worker_member = "serviceAccount:${google_service_account.worker.email}"

  # With a customer-managed key these Google service agents encrypt for the buckets, the workers' disks and the
  # shuffle; each gets encrypter/decrypter on that one key.
  key_users = var.kms_crypto_key == null ? {} : {
    storage  = "serviceAccount:${data.google_storage_project_service_account.this.email_address}"
    dataflow = "serviceAccount:${google_project_service_identity.dataflow[0].email}"
    compute  = "serviceAccount:service-${data.google_project.this.number}@compute-system.iam.gserviceaccount.com"
  }

  # The machine family each accelerator is attached to.
  gpu_machine_families = {
    "nvidia-l4"         = "g2-"
    "nvidia-tesla-t4"   = "n1-"
    "nvidia-tesla-p4"   = "n1-"
    "nvidia-tesla-v100" = "n1-"
    "nvidia-tesla-p100" = "n1-"
    "nvidia-tesla-a100" = "a2-highgpu-"
    "nvidia-a100-80gb"  = "a2-ultragpu-"
  }

  # A custom SDK container needs Runner v2; Dataflow reads worker_accelerator from the experiments as from the
  # service options.
  experiments = concat(
    var.sdk_container_image == null ? [] : ["use_runner_v2"],
    var.gpu == null ? [] : ["worker_accelerator=type:${var.gpu.accelerator_type};count:${var.gpu.count};install-nvidia-driver"],
  )
}

data "google_project" "this" {
  project_id = var.project_id
}

resource "google_project_service" "apis" {
  for_each = local.services

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

data "google_storage_project_service_account" "this" {
  project = var.project_id

  depends_on = [google_project_service.apis]
}

resource "google_project_service_identity" "dataflow" {
  provider = google-beta
  count    = var.kms_crypto_key == null ? 0 : 1

  project = var.project_id
  service = "dataflow.googleapis.com"

  depends_on = [google_project_service.apis]
}

resource "google_kms_crypto_key_iam_member" "service_agents" {
  for_each = local.key_users

  crypto_key_id = var.kms_crypto_key
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = each.value
}

resource "google_storage_bucket" "this" {
  for_each = local.bucket_object_roles

  project                     = var.project_id
  name                        = "${var.name_prefix}-${each.key}"
  location                    = coalesce(var.bucket_location, var.region)
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = var.force_destroy
  labels                      = var.labels

  versioning {
    enabled = true
  }

  dynamic "encryption" {
    for_each = var.kms_crypto_key == null ? [] : [var.kms_crypto_key]
    content {
      default_kms_key_name = encryption.value
    }
  }

  # Versions replaced or deleted are kept for a while, then removed.
  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.noncurrent_retention_days
    }
    action {
      type = "Delete"
    }
  }

  dynamic "lifecycle_rule" {
    for_each = local.bucket_retention_days[each.key] == null ? [] : [local.bucket_retention_days[each.key]]
    content {
      condition {
        age = lifecycle_rule.value
      }
      action {
        type = "Delete"
      }
    }
  }

  # The storage service agent must hold the key before a bucket can use it.
  depends_on = [google_project_service.apis, google_kms_crypto_key_iam_member.service_agents]
}

resource "google_service_account" "worker" {
  project      = var.project_id
  account_id   = var.service_account_id
  display_name = "auglove Dataflow worker"
  description  = "Runs the auglove flex-template launcher and the Dataflow workers."

  depends_on = [google_project_service.apis]
}

# The one role on the project: run Dataflow work items.
resource "google_project_iam_member" "worker_dataflow" {
  project = var.project_id
  role    = "roles/dataflow.worker"
  member  = local.worker_member
}

resource "google_storage_bucket_iam_member" "worker_objects" {
  for_each = local.bucket_object_roles

  bucket = google_storage_bucket.this[each.key].name
  role   = each.value
  member = local.worker_member
}

# Beam checks that its staging and temp buckets exist (storage.buckets.get), which the object roles do not allow.
resource "google_storage_bucket_iam_member" "worker_bucket_metadata" {
  for_each = google_storage_bucket.this

  bucket = each.value.name
  role   = "roles/storage.legacyBucketReader"
  member = local.worker_member
}

resource "google_artifact_registry_repository" "images" {
  project       = var.project_id
  location      = var.region
  repository_id = var.repository_id
  format        = "DOCKER"
  description   = "auglove flex-template launcher and worker SDK container images"
  labels        = var.labels

  depends_on = [google_project_service.apis]
}

resource "google_artifact_registry_repository_iam_member" "worker_reader" {
  project    = google_artifact_registry_repository.images.project
  location   = google_artifact_registry_repository.images.location
  repository = google_artifact_registry_repository.images.name
  role       = "roles/artifactregistry.reader"
  member     = local.worker_member
}

resource "google_dataflow_flex_template_job" "this" {
  provider = google-beta
  count    = var.container_spec_gcs_path == null ? 0 : 1

  project                 = var.project_id
  region                  = var.region
  name                    = var.job_name
  container_spec_gcs_path = var.container_spec_gcs_path
  parameters              = var.parameters
  service_account_email   = google_service_account.worker.email
  temp_location           = "${google_storage_bucket.this["temp"].url}/dataflow"
  staging_location        = "${google_storage_bucket.this["staging"].url}/dataflow"
  subnetwork              = var.subnetwork
  ip_configuration        = "WORKER_IP_PRIVATE"
  max_workers             = var.max_workers
  machine_type            = var.machine_type
  sdk_container_image     = var.sdk_container_image
  additional_experiments  = local.experiments
  kms_key_name            = var.kms_crypto_key
  labels                  = var.labels
  on_delete               = var.on_delete

  lifecycle {
    precondition {
      condition     = var.subnetwork != null
      error_message = "subnetwork is required with container_spec_gcs_path: workers have private IPs only and run on a subnetwork with Private Google Access."
    }
    precondition {
      condition     = var.gpu == null ? true : var.sdk_container_image != null
      error_message = "gpu needs sdk_container_image: Beam's default worker image has no CUDA libtorch."
    }
    precondition {
      condition     = var.gpu == null ? true : (var.machine_type == null ? false : startswith(var.machine_type, local.gpu_machine_families[var.gpu.accelerator_type]))
      error_message = "gpu needs machine_type of the accelerator's family: g2-standard-* for nvidia-l4, n1-* for the nvidia-tesla T4/P4/V100/P100, a2-highgpu-* for nvidia-tesla-a100, a2-ultragpu-* for nvidia-a100-80gb."
    }
  }

  depends_on = [
    google_project_iam_member.worker_dataflow,
    google_storage_bucket_iam_member.worker_objects,
    google_storage_bucket_iam_member.worker_bucket_metadata,
    google_artifact_registry_repository_iam_member.worker_reader,
    google_kms_crypto_key_iam_member.service_agents,
  ]
}
