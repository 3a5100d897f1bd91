output "state_bucket" {
  description = "S3 bucket of the environment's Terraform state."
  value       = aws_s3_bucket.state.id
}

output "lock_table" {
  description = "DynamoDB table Terraform locks the state in."
  value       = aws_dynamodb_table.locks.name
}

output "state_kms_key_arn" {
  description = "CMK encrypting the state bucket and the lock table."
  value       = aws_kms_key.state.arn
}
