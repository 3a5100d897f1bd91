// Mirrors of k8s.io/apimachinery v0.34.5 pkg/api/resource for gob captures: the same type names,
// exported field names and Go kinds as the originals, and no behaviour.

package resource

type Format string

type Quantity struct {
	Format
	// The amount lives in unexported fields, which gob never sends.
	amount string
}
