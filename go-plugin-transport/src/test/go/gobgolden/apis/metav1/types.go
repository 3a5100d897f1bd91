// Mirrors of k8s.io/apimachinery v0.34.5 pkg/apis/meta/v1 for gob captures: the same type names,
// exported field names and Go kinds as the originals, and no behaviour.

package v1

import (
	types "../types"
	"time"
)

type Time struct {
	time.Time
}

type LabelSelectorOperator string

type ManagedFieldsOperationType string

type TypeMeta struct {
	Kind       string
	APIVersion string
}

type ObjectMeta struct {
	Name                       string
	GenerateName               string
	Namespace                  string
	SelfLink                   string
	UID                        types.UID
	ResourceVersion            string
	Generation                 int64
	CreationTimestamp          Time
	DeletionTimestamp          *Time
	DeletionGracePeriodSeconds *int64
	Labels                     map[string]string
	Annotations                map[string]string
	OwnerReferences            []OwnerReference
	Finalizers                 []string
	ManagedFields              []ManagedFieldsEntry
}

type OwnerReference struct {
	APIVersion         string
	Kind               string
	Name               string
	UID                types.UID
	Controller         *bool
	BlockOwnerDeletion *bool
}

type ManagedFieldsEntry struct {
	Manager     string
	Operation   ManagedFieldsOperationType
	APIVersion  string
	Time        *Time
	FieldsType  string
	FieldsV1    *FieldsV1
	Subresource string
}

type FieldsV1 struct {
	Raw []byte
}

type LabelSelector struct {
	MatchLabels      map[string]string
	MatchExpressions []LabelSelectorRequirement
}

type LabelSelectorRequirement struct {
	Key      string
	Operator LabelSelectorOperator
	Values   []string
}
