// Mirrors of k8s.io/api v0.34.5 batch/v1 for gob captures: the same type names,
// exported field names and Go kinds as the originals, and no behaviour.

package v1

import (
	corev1 "../corev1"
	metav1 "../metav1"
)

type CompletionMode string

type PodFailurePolicyAction string

type PodFailurePolicyOnExitCodesOperator string

type PodReplacementPolicy string

type JobSpec struct {
	Parallelism             *int32
	Completions             *int32
	ActiveDeadlineSeconds   *int64
	PodFailurePolicy        *PodFailurePolicy
	SuccessPolicy           *SuccessPolicy
	BackoffLimit            *int32
	BackoffLimitPerIndex    *int32
	MaxFailedIndexes        *int32
	Selector                *metav1.LabelSelector
	ManualSelector          *bool
	Template                corev1.PodTemplateSpec
	TTLSecondsAfterFinished *int32
	CompletionMode          *CompletionMode
	Suspend                 *bool
	PodReplacementPolicy    *PodReplacementPolicy
	ManagedBy               *string
}

type PodFailurePolicy struct {
	Rules []PodFailurePolicyRule
}

type PodFailurePolicyRule struct {
	Action          PodFailurePolicyAction
	OnExitCodes     *PodFailurePolicyOnExitCodesRequirement
	OnPodConditions []PodFailurePolicyOnPodConditionsPattern
}

type PodFailurePolicyOnExitCodesRequirement struct {
	ContainerName *string
	Operator      PodFailurePolicyOnExitCodesOperator
	Values        []int32
}

type PodFailurePolicyOnPodConditionsPattern struct {
	Type   corev1.PodConditionType
	Status corev1.ConditionStatus
}

type SuccessPolicy struct {
	Rules []SuccessPolicyRule
}

type SuccessPolicyRule struct {
	SucceededIndexes *string
	SucceededCount   *int32
}
