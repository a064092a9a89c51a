output "bucket_urls" {
  description = "gs:// URLs of the buckets, by role: upload the corpus to input, read the bundles from bundles."
  value       = module.auglove.bucket_urls
}

output "templates_url" {
  description = "Folder to write the flex-template spec to; template_gcs_path is <templates_url>/vocabulary.json."
  value       = module.auglove.templates_url
}

output "repository_url" {
  description = "Docker repository to push the launcher and worker images to."
  value       = module.auglove.repository_url
}

output "service_account_email" {
  description = "Service account of the launcher and the workers."
  value       = module.auglove.service_account_email
}

output "subnetwork" {
  description = "Self link of the workers' subnetwork."
  value       = google_compute_subnetwork.workers.self_link
}

output "job_id" {
  description = "ID of the Dataflow job; null before template_gcs_path is set."
  value       = module.auglove.job_id
}
