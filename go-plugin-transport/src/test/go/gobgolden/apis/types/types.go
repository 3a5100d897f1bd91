// Mirrors of k8s.io/apimachinery v0.34.5 pkg/types for gob captures: the same type names,
// exported field names and Go kinds as the originals, and no behaviour.

package types

type UID string
