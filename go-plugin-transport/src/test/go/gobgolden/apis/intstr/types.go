// Mirrors of k8s.io/apimachinery v0.34.5 pkg/util/intstr for gob captures: the same type names,
// exported field names and Go kinds as the originals, and no behaviour.

package intstr

type Type int64

type IntOrString struct {
	Type   Type
	IntVal int32
	StrVal string
}
