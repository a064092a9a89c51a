output "bucket_names" {
  description = "Names of the buckets, by role: input, bundles, staging, temp."
  value       = { for role, bucket in google_storage_bucket.this : role => bucket.name }
}

output "bucket_urls" {
  description = "gs:// URLs of the buckets, by role: input (the OpenFace corpus, read-only to the workers), bundles (vocabularies and evaluations), staging, temp."
  value       = { for role, bucket in google_storage_bucket.this : role => bucket.url }
}

output "templates_url" {
  description = "gs:// folder for the flex-template specs that gcloud dataflow flex-template build writes (in the staging bucket)."
  value       = "${google_storage_bucket.this["staging"].url}/templates"
}

output "service_account_email" {
  description = "Email of the service account that the launcher and the workers run as."
  value       = google_service_account.worker.email
}

output "repository_url" {
  description = "Docker repository for the launcher and worker images: REGION-docker.pkg.dev/PROJECT/REPOSITORY."
  value       = "${google_artifact_registry_repository.images.location}-docker.pkg.dev/${google_artifact_registry_repository.images.project}/${google_artifact_registry_repository.images.repository_id}"
}

output "job_id" {
  description = "ID of the Dataflow job; null while container_spec_gcs_path is null."
  value       = one(google_dataflow_flex_template_job.this[*].job_id)
}

output "job_state" {
  description = "State of the Dataflow job when Terraform last read it; null while there is no job."
  value       = one(google_dataflow_flex_template_job.this[*].state)
}
