/**
 * The vocabulary pipeline on Dataflow with one NVIDIA L4 per worker, in a network of its own whose workers have
 * private IPs only. Apply it twice: first without template_gcs_path (buckets, service account, repository,
 * network), then, once the images and the template spec are built, with it (the job).
 */

provider "google" {
  project = var.project_id
  region  = var.region
}

provider "google-beta" {
  project = var.project_id
  region  = var.region
}

locals {
  # The module names its buckets <name_prefix>-<role>; a module's outputs cannot feed its own inputs.
  input_url   = "gs://${var.name_prefix}-input"
  bundles_url = "gs://${var.name_prefix}-bundles"
}

# The network is created before the module, which enables the other APIs.
resource "google_project_service" "compute" {
  project            = var.project_id
  service            = "compute.googleapis.com"
  disable_on_destroy = false
}

resource "google_compute_network" "workers" {
  project                 = var.project_id
  name                    = var.network_name
  auto_create_subnetworks = false

  depends_on = [google_project_service.compute]
}

# Private Google Access lets workers without public IPs reach Cloud Storage, Artifact Registry and the
# NVIDIA driver download.
resource "google_compute_subnetwork" "workers" {
  project                  = var.project_id
  name                     = var.network_name
  region                   = var.region
  network                  = google_compute_network.workers.id
  ip_cidr_range            = var.subnet_cidr
  private_ip_google_access = true
}

# Dataflow workers exchange shuffle data with each other on these ports.
resource "google_compute_firewall" "dataflow_workers" {
  project     = var.project_id
  name        = "${var.network_name}-dataflow"
  network     = google_compute_network.workers.name
  direction   = "INGRESS"
  source_tags = ["dataflow"]
  target_tags = ["dataflow"]

  allow {
    protocol = "tcp"
    ports    = ["12345-12346"]
  }
}

module "auglove" {
  source = "../../modules/auglove"

  project_id     = var.project_id
  region         = var.region
  name_prefix    = var.name_prefix
  kms_crypto_key = var.kms_crypto_key
  labels         = { app = "auglove", data = "health" }

  container_spec_gcs_path = var.template_gcs_path
  job_name                = "auglove-vocabulary-${var.run_name}"
  parameters = merge(var.pipeline_options, {
    input  = "${local.input_url}/${var.corpus_path}"
    output = "${local.bundles_url}/vocabulary/${var.run_name}"
  })

  subnetwork          = "regions/${google_compute_subnetwork.workers.region}/subnetworks/${google_compute_subnetwork.workers.name}"
  machine_type        = var.machine_type
  max_workers         = var.max_workers
  gpu                 = { accelerator_type = var.accelerator_type, count = var.accelerator_count }
  sdk_container_image = var.worker_image
}
