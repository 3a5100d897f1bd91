// Code generated from the Argo Rollouts and Kubernetes API field lists; DO NOT EDIT by hand.

// Package argo mirrors the Go types Argo Rollouts sends to a metric-provider plugin: same type names,
// field names and Go kinds as pkg/apis/rollouts/v1alpha1, k8s.io/api and k8s.io/apimachinery, which is
// all that gob puts on the wire.
package argo

import "time"

// Time mirrors metav1.Time: it inherits time.Time's GobEncode, so gob sends MarshalBinary bytes.
type Time struct {
	time.Time
}

type AnalysisPhase string
type AppArmorProfileType string
type AzureDataDiskCachingMode string
type AzureDataDiskKind string
type Capability string
type CompletionMode string
type ConditionStatus string
type ContainerRestartPolicy string
type ContainerRestartRuleAction string
type ContainerRestartRuleOnExitCodesOperator string
type DNSPolicy string
type DurationString string
type Format string
type HostPathType string
type LabelSelectorOperator string
type ManagedFieldsOperationType string
type MountPropagationMode string
type NodeInclusionPolicy string
type NodeSelectorOperator string
type OSName string
type PersistentVolumeAccessMode string
type PersistentVolumeMode string
type PodConditionType string
type PodFSGroupChangePolicy string
type PodFailurePolicyAction string
type PodFailurePolicyOnExitCodesOperator string
type PodReplacementPolicy string
type PodSELinuxChangePolicy string
type PreemptionPolicy string
type ProcMountType string
type Protocol string
type PullPolicy string
type RecursiveReadOnlyMode string
type ResourceName string
type ResourceResizeRestartPolicy string
type RestartPolicy string
type SeccompProfileType string
type Signal string
type StorageMedium string
type SupplementalGroupsPolicy string
type TaintEffect string
type TerminationMessagePolicy string
type TolerationOperator string
type Type int64
type UID string
type URIScheme string
type UnsatisfiableConstraintAction string
type WebMetricMethod string

// AnalysisRun mirrors v1alpha1.AnalysisRun.
type AnalysisRun struct {
	TypeMeta
	ObjectMeta
	Spec   AnalysisRunSpec
	Status AnalysisRunStatus
}

// TypeMeta mirrors metav1.TypeMeta.
type TypeMeta struct {
	Kind       string
	APIVersion string
}

// ObjectMeta mirrors metav1.ObjectMeta.
type ObjectMeta struct {
	Name                       string
	GenerateName               string
	Namespace                  string
	SelfLink                   string
	UID                        UID
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

// OwnerReference mirrors metav1.OwnerReference.
type OwnerReference struct {
	APIVersion         string
	Kind               string
	Name               string
	UID                UID
	Controller         *bool
	BlockOwnerDeletion *bool
}

// ManagedFieldsEntry mirrors metav1.ManagedFieldsEntry.
type ManagedFieldsEntry struct {
	Manager     string
	Operation   ManagedFieldsOperationType
	APIVersion  string
	Time        *Time
	FieldsType  string
	FieldsV1    *FieldsV1
	Subresource string
}

// FieldsV1 mirrors metav1.FieldsV1.
type FieldsV1 struct {
	Raw []byte
}

// AnalysisRunSpec mirrors v1alpha1.AnalysisRunSpec.
type AnalysisRunSpec struct {
	Metrics              []Metric
	Args                 []Argument
	Terminate            bool
	DryRun               []DryRun
	MeasurementRetention []MeasurementRetention
	TTLStrategy          *TTLStrategy
}

// Metric mirrors v1alpha1.Metric.
type Metric struct {
	Name                    string
	Interval                DurationString
	InitialDelay            DurationString
	Count                   *IntOrString
	SuccessCondition        string
	FailureCondition        string
	FailureLimit            *IntOrString
	InconclusiveLimit       *IntOrString
	ConsecutiveErrorLimit   *IntOrString
	Provider                MetricProvider
	ConsecutiveSuccessLimit *IntOrString
}

// IntOrString mirrors intstr.IntOrString.
type IntOrString struct {
	Type   Type
	IntVal int32
	StrVal string
}

// MetricProvider mirrors v1alpha1.MetricProvider.
type MetricProvider struct {
	Prometheus *PrometheusMetric
	Kayenta    *KayentaMetric
	Web        *WebMetric
	Datadog    *DatadogMetric
	Wavefront  *WavefrontMetric
	NewRelic   *NewRelicMetric
	Job        *JobMetric
	CloudWatch *CloudWatchMetric
	Graphite   *GraphiteMetric
	Influxdb   *InfluxdbMetric
	SkyWalking *SkyWalkingMetric
	Plugin     map[string][]byte
}

// PrometheusMetric mirrors v1alpha1.PrometheusMetric.
type PrometheusMetric struct {
	Address        string
	Query          string
	Authentication Authentication
	Timeout        *int64
	Insecure       bool
	Headers        []WebMetricHeader
	RangeQuery     *PrometheusRangeQueryArgs
}

// Authentication mirrors v1alpha1.Authentication.
type Authentication struct {
	Sigv4     Sigv4Config
	OAuth2    OAuth2Config
	BasicAuth BasicAuthConfig
}

// Sigv4Config mirrors v1alpha1.Sigv4Config.
type Sigv4Config struct {
	Region  string
	Profile string
	RoleARN string
}

// OAuth2Config mirrors v1alpha1.OAuth2Config.
type OAuth2Config struct {
	TokenURL     string
	ClientID     string
	ClientSecret string
	Scopes       []string
}

// BasicAuthConfig mirrors v1alpha1.BasicAuthConfig.
type BasicAuthConfig struct {
	Username string
	Password string
}

// WebMetricHeader mirrors v1alpha1.WebMetricHeader.
type WebMetricHeader struct {
	Key   string
	Value string
}

// PrometheusRangeQueryArgs mirrors v1alpha1.PrometheusRangeQueryArgs.
type PrometheusRangeQueryArgs struct {
	Start string
	End   string
	Step  DurationString
}

// KayentaMetric mirrors v1alpha1.KayentaMetric.
type KayentaMetric struct {
	Address                  string
	Application              string
	CanaryConfigName         string
	MetricsAccountName       string
	ConfigurationAccountName string
	StorageAccountName       string
	Threshold                KayentaThreshold
	Scopes                   []KayentaScope
	Lookback                 bool
}

// KayentaThreshold mirrors v1alpha1.KayentaThreshold.
type KayentaThreshold struct {
	Pass     int64
	Marginal int64
}

// KayentaScope mirrors v1alpha1.KayentaScope.
type KayentaScope struct {
	Name            string
	ControlScope    ScopeDetail
	ExperimentScope ScopeDetail
}

// ScopeDetail mirrors v1alpha1.ScopeDetail.
type ScopeDetail struct {
	Scope  string
	Region string
	Step   int64
	Start  string
	End    string
}

// WebMetric mirrors v1alpha1.WebMetric.
type WebMetric struct {
	Method         WebMetricMethod
	URL            string
	Headers        []WebMetricHeader
	Body           string
	TimeoutSeconds int64
	JSONPath       string
	Insecure       bool
	JSONBody       []byte
	Authentication Authentication
}

// DatadogMetric mirrors v1alpha1.DatadogMetric.
type DatadogMetric struct {
	Interval       DurationString
	Query          string
	Queries        map[string]string
	Formula        string
	ApiVersion     string
	Aggregator     string
	SecretRef      SecretRef
	RequestTimeout DurationString
}

// SecretRef mirrors v1alpha1.SecretRef.
type SecretRef struct {
	Name       string
	Namespaced bool
}

// WavefrontMetric mirrors v1alpha1.WavefrontMetric.
type WavefrontMetric struct {
	Address string
	Query   string
}

// NewRelicMetric mirrors v1alpha1.NewRelicMetric.
type NewRelicMetric struct {
	Profile string
	Query   string
	Timeout *int64
}

// JobMetric mirrors v1alpha1.JobMetric.
type JobMetric struct {
	Metadata ObjectMeta
	Spec     JobSpec
}

// JobSpec mirrors batchv1.JobSpec.
type JobSpec struct {
	Parallelism             *int32
	Completions             *int32
	ActiveDeadlineSeconds   *int64
	PodFailurePolicy        *PodFailurePolicy
	SuccessPolicy           *SuccessPolicy
	BackoffLimit            *int32
	BackoffLimitPerIndex    *int32
	MaxFailedIndexes        *int32
	Selector                *LabelSelector
	ManualSelector          *bool
	Template                PodTemplateSpec
	TTLSecondsAfterFinished *int32
	CompletionMode          *CompletionMode
	Suspend                 *bool
	PodReplacementPolicy    *PodReplacementPolicy
	ManagedBy               *string
}

// PodFailurePolicy mirrors batchv1.PodFailurePolicy.
type PodFailurePolicy struct {
	Rules []PodFailurePolicyRule
}

// PodFailurePolicyRule mirrors batchv1.PodFailurePolicyRule.
type PodFailurePolicyRule struct {
	Action          PodFailurePolicyAction
	OnExitCodes     *PodFailurePolicyOnExitCodesRequirement
	OnPodConditions []PodFailurePolicyOnPodConditionsPattern
}

// PodFailurePolicyOnExitCodesRequirement mirrors batchv1.PodFailurePolicyOnExitCodesRequirement.
type PodFailurePolicyOnExitCodesRequirement struct {
	ContainerName *string
	Operator      PodFailurePolicyOnExitCodesOperator
	Values        []int32
}

// PodFailurePolicyOnPodConditionsPattern mirrors batchv1.PodFailurePolicyOnPodConditionsPattern.
type PodFailurePolicyOnPodConditionsPattern struct {
	Type   PodConditionType
	Status ConditionStatus
}

// SuccessPolicy mirrors batchv1.SuccessPolicy.
type SuccessPolicy struct {
	Rules []SuccessPolicyRule
}

// SuccessPolicyRule mirrors batchv1.SuccessPolicyRule.
type SuccessPolicyRule struct {
	SucceededIndexes *string
	SucceededCount   *int32
}

// LabelSelector mirrors metav1.LabelSelector.
type LabelSelector struct {
	MatchLabels      map[string]string
	MatchExpressions []LabelSelectorRequirement
}

// LabelSelectorRequirement mirrors metav1.LabelSelectorRequirement.
type LabelSelectorRequirement struct {
	Key      string
	Operator LabelSelectorOperator
	Values   []string
}

// PodTemplateSpec mirrors corev1.PodTemplateSpec.
type PodTemplateSpec struct {
	ObjectMeta
	Spec PodSpec
}

// PodSpec mirrors corev1.PodSpec.
type PodSpec struct {
	Volumes                       []Volume
	InitContainers                []Container
	Containers                    []Container
	EphemeralContainers           []EphemeralContainer
	RestartPolicy                 RestartPolicy
	TerminationGracePeriodSeconds *int64
	ActiveDeadlineSeconds         *int64
	DNSPolicy                     DNSPolicy
	NodeSelector                  map[string]string
	ServiceAccountName            string
	DeprecatedServiceAccount      string
	AutomountServiceAccountToken  *bool
	NodeName                      string
	HostNetwork                   bool
	HostPID                       bool
	HostIPC                       bool
	ShareProcessNamespace         *bool
	SecurityContext               *PodSecurityContext
	ImagePullSecrets              []LocalObjectReference
	Hostname                      string
	Subdomain                     string
	Affinity                      *Affinity
	SchedulerName                 string
	Tolerations                   []Toleration
	HostAliases                   []HostAlias
	PriorityClassName             string
	Priority                      *int32
	DNSConfig                     *PodDNSConfig
	ReadinessGates                []PodReadinessGate
	RuntimeClassName              *string
	EnableServiceLinks            *bool
	PreemptionPolicy              *PreemptionPolicy
	Overhead                      map[ResourceName]Quantity
	TopologySpreadConstraints     []TopologySpreadConstraint
	SetHostnameAsFQDN             *bool
	OS                            *PodOS
	HostUsers                     *bool
	SchedulingGates               []PodSchedulingGate
	ResourceClaims                []PodResourceClaim
	Resources                     *ResourceRequirements
	HostnameOverride              *string
}

// Volume mirrors corev1.Volume.
type Volume struct {
	Name string
	VolumeSource
}

// VolumeSource mirrors corev1.VolumeSource.
type VolumeSource struct {
	HostPath              *HostPathVolumeSource
	EmptyDir              *EmptyDirVolumeSource
	GCEPersistentDisk     *GCEPersistentDiskVolumeSource
	AWSElasticBlockStore  *AWSElasticBlockStoreVolumeSource
	GitRepo               *GitRepoVolumeSource
	Secret                *SecretVolumeSource
	NFS                   *NFSVolumeSource
	ISCSI                 *ISCSIVolumeSource
	Glusterfs             *GlusterfsVolumeSource
	PersistentVolumeClaim *PersistentVolumeClaimVolumeSource
	RBD                   *RBDVolumeSource
	FlexVolume            *FlexVolumeSource
	Cinder                *CinderVolumeSource
	CephFS                *CephFSVolumeSource
	Flocker               *FlockerVolumeSource
	DownwardAPI           *DownwardAPIVolumeSource
	FC                    *FCVolumeSource
	AzureFile             *AzureFileVolumeSource
	ConfigMap             *ConfigMapVolumeSource
	VsphereVolume         *VsphereVirtualDiskVolumeSource
	Quobyte               *QuobyteVolumeSource
	AzureDisk             *AzureDiskVolumeSource
	PhotonPersistentDisk  *PhotonPersistentDiskVolumeSource
	Projected             *ProjectedVolumeSource
	PortworxVolume        *PortworxVolumeSource
	ScaleIO               *ScaleIOVolumeSource
	StorageOS             *StorageOSVolumeSource
	CSI                   *CSIVolumeSource
	Ephemeral             *EphemeralVolumeSource
	Image                 *ImageVolumeSource
}

// HostPathVolumeSource mirrors corev1.HostPathVolumeSource.
type HostPathVolumeSource struct {
	Path string
	Type *HostPathType
}

// EmptyDirVolumeSource mirrors corev1.EmptyDirVolumeSource.
type EmptyDirVolumeSource struct {
	Medium    StorageMedium
	SizeLimit *Quantity
}

// Quantity mirrors resource.Quantity.
type Quantity struct {
	Format
}

// GCEPersistentDiskVolumeSource mirrors corev1.GCEPersistentDiskVolumeSource.
type GCEPersistentDiskVolumeSource struct {
	PDName    string
	FSType    string
	Partition int32
	ReadOnly  bool
}

// AWSElasticBlockStoreVolumeSource mirrors corev1.AWSElasticBlockStoreVolumeSource.
type AWSElasticBlockStoreVolumeSource struct {
	VolumeID  string
	FSType    string
	Partition int32
	ReadOnly  bool
}

// GitRepoVolumeSource mirrors corev1.GitRepoVolumeSource.
type GitRepoVolumeSource struct {
	Repository string
	Revision   string
	Directory  string
}

// SecretVolumeSource mirrors corev1.SecretVolumeSource.
type SecretVolumeSource struct {
	SecretName  string
	Items       []KeyToPath
	DefaultMode *int32
	Optional    *bool
}

// KeyToPath mirrors corev1.KeyToPath.
type KeyToPath struct {
	Key  string
	Path string
	Mode *int32
}

// NFSVolumeSource mirrors corev1.NFSVolumeSource.
type NFSVolumeSource struct {
	Server   string
	Path     string
	ReadOnly bool
}

// ISCSIVolumeSource mirrors corev1.ISCSIVolumeSource.
type ISCSIVolumeSource struct {
	TargetPortal      string
	IQN               string
	Lun               int32
	ISCSIInterface    string
	FSType            string
	ReadOnly          bool
	Portals           []string
	DiscoveryCHAPAuth bool
	SessionCHAPAuth   bool
	SecretRef         *LocalObjectReference
	InitiatorName     *string
}

// LocalObjectReference mirrors corev1.LocalObjectReference.
type LocalObjectReference struct {
	Name string
}

// GlusterfsVolumeSource mirrors corev1.GlusterfsVolumeSource.
type GlusterfsVolumeSource struct {
	EndpointsName string
	Path          string
	ReadOnly      bool
}

// PersistentVolumeClaimVolumeSource mirrors corev1.PersistentVolumeClaimVolumeSource.
type PersistentVolumeClaimVolumeSource struct {
	ClaimName string
	ReadOnly  bool
}

// RBDVolumeSource mirrors corev1.RBDVolumeSource.
type RBDVolumeSource struct {
	CephMonitors []string
	RBDImage     string
	FSType       string
	RBDPool      string
	RadosUser    string
	Keyring      string
	SecretRef    *LocalObjectReference
	ReadOnly     bool
}

// FlexVolumeSource mirrors corev1.FlexVolumeSource.
type FlexVolumeSource struct {
	Driver    string
	FSType    string
	SecretRef *LocalObjectReference
	ReadOnly  bool
	Options   map[string]string
}

// CinderVolumeSource mirrors corev1.CinderVolumeSource.
type CinderVolumeSource struct {
	VolumeID  string
	FSType    string
	ReadOnly  bool
	SecretRef *LocalObjectReference
}

// CephFSVolumeSource mirrors corev1.CephFSVolumeSource.
type CephFSVolumeSource struct {
	Monitors   []string
	Path       string
	User       string
	SecretFile string
	SecretRef  *LocalObjectReference
	ReadOnly   bool
}

// FlockerVolumeSource mirrors corev1.FlockerVolumeSource.
type FlockerVolumeSource struct {
	DatasetName string
	DatasetUUID string
}

// DownwardAPIVolumeSource mirrors corev1.DownwardAPIVolumeSource.
type DownwardAPIVolumeSource struct {
	Items       []DownwardAPIVolumeFile
	DefaultMode *int32
}

// DownwardAPIVolumeFile mirrors corev1.DownwardAPIVolumeFile.
type DownwardAPIVolumeFile struct {
	Path             string
	FieldRef         *ObjectFieldSelector
	ResourceFieldRef *ResourceFieldSelector
	Mode             *int32
}

// ObjectFieldSelector mirrors corev1.ObjectFieldSelector.
type ObjectFieldSelector struct {
	APIVersion string
	FieldPath  string
}

// ResourceFieldSelector mirrors corev1.ResourceFieldSelector.
type ResourceFieldSelector struct {
	ContainerName string
	Resource      string
	Divisor       Quantity
}

// FCVolumeSource mirrors corev1.FCVolumeSource.
type FCVolumeSource struct {
	TargetWWNs []string
	Lun        *int32
	FSType     string
	ReadOnly   bool
	WWIDs      []string
}

// AzureFileVolumeSource mirrors corev1.AzureFileVolumeSource.
type AzureFileVolumeSource struct {
	SecretName string
	ShareName  string
	ReadOnly   bool
}

// ConfigMapVolumeSource mirrors corev1.ConfigMapVolumeSource.
type ConfigMapVolumeSource struct {
	LocalObjectReference
	Items       []KeyToPath
	DefaultMode *int32
	Optional    *bool
}

// VsphereVirtualDiskVolumeSource mirrors corev1.VsphereVirtualDiskVolumeSource.
type VsphereVirtualDiskVolumeSource struct {
	VolumePath        string
	FSType            string
	StoragePolicyName string
	StoragePolicyID   string
}

// QuobyteVolumeSource mirrors corev1.QuobyteVolumeSource.
type QuobyteVolumeSource struct {
	Registry string
	Volume   string
	ReadOnly bool
	User     string
	Group    string
	Tenant   string
}

// AzureDiskVolumeSource mirrors corev1.AzureDiskVolumeSource.
type AzureDiskVolumeSource struct {
	DiskName    string
	DataDiskURI string
	CachingMode *AzureDataDiskCachingMode
	FSType      *string
	ReadOnly    *bool
	Kind        *AzureDataDiskKind
}

// PhotonPersistentDiskVolumeSource mirrors corev1.PhotonPersistentDiskVolumeSource.
type PhotonPersistentDiskVolumeSource struct {
	PdID   string
	FSType string
}

// ProjectedVolumeSource mirrors corev1.ProjectedVolumeSource.
type ProjectedVolumeSource struct {
	Sources     []VolumeProjection
	DefaultMode *int32
}

// VolumeProjection mirrors corev1.VolumeProjection.
type VolumeProjection struct {
	Secret              *SecretProjection
	DownwardAPI         *DownwardAPIProjection
	ConfigMap           *ConfigMapProjection
	ServiceAccountToken *ServiceAccountTokenProjection
	ClusterTrustBundle  *ClusterTrustBundleProjection
	PodCertificate      *PodCertificateProjection
}

// SecretProjection mirrors corev1.SecretProjection.
type SecretProjection struct {
	LocalObjectReference
	Items    []KeyToPath
	Optional *bool
}

// DownwardAPIProjection mirrors corev1.DownwardAPIProjection.
type DownwardAPIProjection struct {
	Items []DownwardAPIVolumeFile
}

// ConfigMapProjection mirrors corev1.ConfigMapProjection.
type ConfigMapProjection struct {
	LocalObjectReference
	Items    []KeyToPath
	Optional *bool
}

// ServiceAccountTokenProjection mirrors corev1.ServiceAccountTokenProjection.
type ServiceAccountTokenProjection struct {
	Audience          string
	ExpirationSeconds *int64
	Path              string
}

// ClusterTrustBundleProjection mirrors corev1.ClusterTrustBundleProjection.
type ClusterTrustBundleProjection struct {
	Name          *string
	SignerName    *string
	LabelSelector *LabelSelector
	Optional      *bool
	Path          string
}

// PodCertificateProjection mirrors corev1.PodCertificateProjection.
type PodCertificateProjection struct {
	SignerName           string
	KeyType              string
	MaxExpirationSeconds *int32
	CredentialBundlePath string
	KeyPath              string
	CertificateChainPath string
}

// PortworxVolumeSource mirrors corev1.PortworxVolumeSource.
type PortworxVolumeSource struct {
	VolumeID string
	FSType   string
	ReadOnly bool
}

// ScaleIOVolumeSource mirrors corev1.ScaleIOVolumeSource.
type ScaleIOVolumeSource struct {
	Gateway          string
	System           string
	SecretRef        *LocalObjectReference
	SSLEnabled       bool
	ProtectionDomain string
	StoragePool      string
	StorageMode      string
	VolumeName       string
	FSType           string
	ReadOnly         bool
}

// StorageOSVolumeSource mirrors corev1.StorageOSVolumeSource.
type StorageOSVolumeSource struct {
	VolumeName      string
	VolumeNamespace string
	FSType          string
	ReadOnly        bool
	SecretRef       *LocalObjectReference
}

// CSIVolumeSource mirrors corev1.CSIVolumeSource.
type CSIVolumeSource struct {
	Driver               string
	ReadOnly             *bool
	FSType               *string
	VolumeAttributes     map[string]string
	NodePublishSecretRef *LocalObjectReference
}

// EphemeralVolumeSource mirrors corev1.EphemeralVolumeSource.
type EphemeralVolumeSource struct {
	VolumeClaimTemplate *PersistentVolumeClaimTemplate
}

// PersistentVolumeClaimTemplate mirrors corev1.PersistentVolumeClaimTemplate.
type PersistentVolumeClaimTemplate struct {
	ObjectMeta
	Spec PersistentVolumeClaimSpec
}

// PersistentVolumeClaimSpec mirrors corev1.PersistentVolumeClaimSpec.
type PersistentVolumeClaimSpec struct {
	AccessModes               []PersistentVolumeAccessMode
	Selector                  *LabelSelector
	Resources                 VolumeResourceRequirements
	VolumeName                string
	StorageClassName          *string
	VolumeMode                *PersistentVolumeMode
	DataSource                *TypedLocalObjectReference
	DataSourceRef             *TypedObjectReference
	VolumeAttributesClassName *string
}

// VolumeResourceRequirements mirrors corev1.VolumeResourceRequirements.
type VolumeResourceRequirements struct {
	Limits   map[ResourceName]Quantity
	Requests map[ResourceName]Quantity
}

// TypedLocalObjectReference mirrors corev1.TypedLocalObjectReference.
type TypedLocalObjectReference struct {
	APIGroup *string
	Kind     string
	Name     string
}

// TypedObjectReference mirrors corev1.TypedObjectReference.
type TypedObjectReference struct {
	APIGroup  *string
	Kind      string
	Name      string
	Namespace *string
}

// ImageVolumeSource mirrors corev1.ImageVolumeSource.
type ImageVolumeSource struct {
	Reference  string
	PullPolicy PullPolicy
}

// Container mirrors corev1.Container.
type Container struct {
	Name                     string
	Image                    string
	Command                  []string
	Args                     []string
	WorkingDir               string
	Ports                    []ContainerPort
	EnvFrom                  []EnvFromSource
	Env                      []EnvVar
	Resources                ResourceRequirements
	ResizePolicy             []ContainerResizePolicy
	RestartPolicy            *ContainerRestartPolicy
	RestartPolicyRules       []ContainerRestartRule
	VolumeMounts             []VolumeMount
	VolumeDevices            []VolumeDevice
	LivenessProbe            *Probe
	ReadinessProbe           *Probe
	StartupProbe             *Probe
	Lifecycle                *Lifecycle
	TerminationMessagePath   string
	TerminationMessagePolicy TerminationMessagePolicy
	ImagePullPolicy          PullPolicy
	SecurityContext          *SecurityContext
	Stdin                    bool
	StdinOnce                bool
	TTY                      bool
}

// ContainerPort mirrors corev1.ContainerPort.
type ContainerPort struct {
	Name          string
	HostPort      int32
	ContainerPort int32
	Protocol      Protocol
	HostIP        string
}

// EnvFromSource mirrors corev1.EnvFromSource.
type EnvFromSource struct {
	Prefix       string
	ConfigMapRef *ConfigMapEnvSource
	SecretRef    *SecretEnvSource
}

// ConfigMapEnvSource mirrors corev1.ConfigMapEnvSource.
type ConfigMapEnvSource struct {
	LocalObjectReference
	Optional *bool
}

// SecretEnvSource mirrors corev1.SecretEnvSource.
type SecretEnvSource struct {
	LocalObjectReference
	Optional *bool
}

// EnvVar mirrors corev1.EnvVar.
type EnvVar struct {
	Name      string
	Value     string
	ValueFrom *EnvVarSource
}

// EnvVarSource mirrors corev1.EnvVarSource.
type EnvVarSource struct {
	FieldRef         *ObjectFieldSelector
	ResourceFieldRef *ResourceFieldSelector
	ConfigMapKeyRef  *ConfigMapKeySelector
	SecretKeyRef     *SecretKeySelector
	FileKeyRef       *FileKeySelector
}

// ConfigMapKeySelector mirrors corev1.ConfigMapKeySelector.
type ConfigMapKeySelector struct {
	LocalObjectReference
	Key      string
	Optional *bool
}

// SecretKeySelector mirrors corev1.SecretKeySelector.
type SecretKeySelector struct {
	LocalObjectReference
	Key      string
	Optional *bool
}

// FileKeySelector mirrors corev1.FileKeySelector.
type FileKeySelector struct {
	VolumeName string
	Path       string
	Key        string
	Optional   *bool
}

// ResourceRequirements mirrors corev1.ResourceRequirements.
type ResourceRequirements struct {
	Limits   map[ResourceName]Quantity
	Requests map[ResourceName]Quantity
	Claims   []ResourceClaim
}

// ResourceClaim mirrors corev1.ResourceClaim.
type ResourceClaim struct {
	Name    string
	Request string
}

// ContainerResizePolicy mirrors corev1.ContainerResizePolicy.
type ContainerResizePolicy struct {
	ResourceName  ResourceName
	RestartPolicy ResourceResizeRestartPolicy
}

// ContainerRestartRule mirrors corev1.ContainerRestartRule.
type ContainerRestartRule struct {
	Action    ContainerRestartRuleAction
	ExitCodes *ContainerRestartRuleOnExitCodes
}

// ContainerRestartRuleOnExitCodes mirrors corev1.ContainerRestartRuleOnExitCodes.
type ContainerRestartRuleOnExitCodes struct {
	Operator ContainerRestartRuleOnExitCodesOperator
	Values   []int32
}

// VolumeMount mirrors corev1.VolumeMount.
type VolumeMount struct {
	Name              string
	ReadOnly          bool
	RecursiveReadOnly *RecursiveReadOnlyMode
	MountPath         string
	SubPath           string
	MountPropagation  *MountPropagationMode
	SubPathExpr       string
}

// VolumeDevice mirrors corev1.VolumeDevice.
type VolumeDevice struct {
	Name       string
	DevicePath string
}

// Probe mirrors corev1.Probe.
type Probe struct {
	ProbeHandler
	InitialDelaySeconds           int32
	TimeoutSeconds                int32
	PeriodSeconds                 int32
	SuccessThreshold              int32
	FailureThreshold              int32
	TerminationGracePeriodSeconds *int64
}

// ProbeHandler mirrors corev1.ProbeHandler.
type ProbeHandler struct {
	Exec      *ExecAction
	HTTPGet   *HTTPGetAction
	TCPSocket *TCPSocketAction
	GRPC      *GRPCAction
}

// ExecAction mirrors corev1.ExecAction.
type ExecAction struct {
	Command []string
}

// HTTPGetAction mirrors corev1.HTTPGetAction.
type HTTPGetAction struct {
	Path        string
	Port        IntOrString
	Host        string
	Scheme      URIScheme
	HTTPHeaders []HTTPHeader
}

// HTTPHeader mirrors corev1.HTTPHeader.
type HTTPHeader struct {
	Name  string
	Value string
}

// TCPSocketAction mirrors corev1.TCPSocketAction.
type TCPSocketAction struct {
	Port IntOrString
	Host string
}

// GRPCAction mirrors corev1.GRPCAction.
type GRPCAction struct {
	Port    int32
	Service *string
}

// Lifecycle mirrors corev1.Lifecycle.
type Lifecycle struct {
	PostStart  *LifecycleHandler
	PreStop    *LifecycleHandler
	StopSignal *Signal
}

// LifecycleHandler mirrors corev1.LifecycleHandler.
type LifecycleHandler struct {
	Exec      *ExecAction
	HTTPGet   *HTTPGetAction
	TCPSocket *TCPSocketAction
	Sleep     *SleepAction
}

// SleepAction mirrors corev1.SleepAction.
type SleepAction struct {
	Seconds int64
}

// SecurityContext mirrors corev1.SecurityContext.
type SecurityContext struct {
	Capabilities             *Capabilities
	Privileged               *bool
	SELinuxOptions           *SELinuxOptions
	WindowsOptions           *WindowsSecurityContextOptions
	RunAsUser                *int64
	RunAsGroup               *int64
	RunAsNonRoot             *bool
	ReadOnlyRootFilesystem   *bool
	AllowPrivilegeEscalation *bool
	ProcMount                *ProcMountType
	SeccompProfile           *SeccompProfile
	AppArmorProfile          *AppArmorProfile
}

// Capabilities mirrors corev1.Capabilities.
type Capabilities struct {
	Add  []Capability
	Drop []Capability
}

// SELinuxOptions mirrors corev1.SELinuxOptions.
type SELinuxOptions struct {
	User  string
	Role  string
	Type  string
	Level string
}

// WindowsSecurityContextOptions mirrors corev1.WindowsSecurityContextOptions.
type WindowsSecurityContextOptions struct {
	GMSACredentialSpecName *string
	GMSACredentialSpec     *string
	RunAsUserName          *string
	HostProcess            *bool
}

// SeccompProfile mirrors corev1.SeccompProfile.
type SeccompProfile struct {
	Type             SeccompProfileType
	LocalhostProfile *string
}

// AppArmorProfile mirrors corev1.AppArmorProfile.
type AppArmorProfile struct {
	Type             AppArmorProfileType
	LocalhostProfile *string
}

// EphemeralContainer mirrors corev1.EphemeralContainer.
type EphemeralContainer struct {
	EphemeralContainerCommon
	TargetContainerName string
}

// EphemeralContainerCommon mirrors corev1.EphemeralContainerCommon.
type EphemeralContainerCommon struct {
	Name                     string
	Image                    string
	Command                  []string
	Args                     []string
	WorkingDir               string
	Ports                    []ContainerPort
	EnvFrom                  []EnvFromSource
	Env                      []EnvVar
	Resources                ResourceRequirements
	ResizePolicy             []ContainerResizePolicy
	RestartPolicy            *ContainerRestartPolicy
	RestartPolicyRules       []ContainerRestartRule
	VolumeMounts             []VolumeMount
	VolumeDevices            []VolumeDevice
	LivenessProbe            *Probe
	ReadinessProbe           *Probe
	StartupProbe             *Probe
	Lifecycle                *Lifecycle
	TerminationMessagePath   string
	TerminationMessagePolicy TerminationMessagePolicy
	ImagePullPolicy          PullPolicy
	SecurityContext          *SecurityContext
	Stdin                    bool
	StdinOnce                bool
	TTY                      bool
}

// PodSecurityContext mirrors corev1.PodSecurityContext.
type PodSecurityContext struct {
	SELinuxOptions           *SELinuxOptions
	WindowsOptions           *WindowsSecurityContextOptions
	RunAsUser                *int64
	RunAsGroup               *int64
	RunAsNonRoot             *bool
	SupplementalGroups       []int64
	SupplementalGroupsPolicy *SupplementalGroupsPolicy
	FSGroup                  *int64
	Sysctls                  []Sysctl
	FSGroupChangePolicy      *PodFSGroupChangePolicy
	SeccompProfile           *SeccompProfile
	AppArmorProfile          *AppArmorProfile
	SELinuxChangePolicy      *PodSELinuxChangePolicy
}

// Sysctl mirrors corev1.Sysctl.
type Sysctl struct {
	Name  string
	Value string
}

// Affinity mirrors corev1.Affinity.
type Affinity struct {
	NodeAffinity    *NodeAffinity
	PodAffinity     *PodAffinity
	PodAntiAffinity *PodAntiAffinity
}

// NodeAffinity mirrors corev1.NodeAffinity.
type NodeAffinity struct {
	RequiredDuringSchedulingIgnoredDuringExecution  *NodeSelector
	PreferredDuringSchedulingIgnoredDuringExecution []PreferredSchedulingTerm
}

// NodeSelector mirrors corev1.NodeSelector.
type NodeSelector struct {
	NodeSelectorTerms []NodeSelectorTerm
}

// NodeSelectorTerm mirrors corev1.NodeSelectorTerm.
type NodeSelectorTerm struct {
	MatchExpressions []NodeSelectorRequirement
	MatchFields      []NodeSelectorRequirement
}

// NodeSelectorRequirement mirrors corev1.NodeSelectorRequirement.
type NodeSelectorRequirement struct {
	Key      string
	Operator NodeSelectorOperator
	Values   []string
}

// PreferredSchedulingTerm mirrors corev1.PreferredSchedulingTerm.
type PreferredSchedulingTerm struct {
	Weight     int32
	Preference NodeSelectorTerm
}

// PodAffinity mirrors corev1.PodAffinity.
type PodAffinity struct {
	RequiredDuringSchedulingIgnoredDuringExecution  []PodAffinityTerm
	PreferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm
}

// PodAffinityTerm mirrors corev1.PodAffinityTerm.
type PodAffinityTerm struct {
	LabelSelector     *LabelSelector
	Namespaces        []string
	TopologyKey       string
	NamespaceSelector *LabelSelector
	MatchLabelKeys    []string
	MismatchLabelKeys []string
}

// WeightedPodAffinityTerm mirrors corev1.WeightedPodAffinityTerm.
type WeightedPodAffinityTerm struct {
	Weight          int32
	PodAffinityTerm PodAffinityTerm
}

// PodAntiAffinity mirrors corev1.PodAntiAffinity.
type PodAntiAffinity struct {
	RequiredDuringSchedulingIgnoredDuringExecution  []PodAffinityTerm
	PreferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm
}

// Toleration mirrors corev1.Toleration.
type Toleration struct {
	Key               string
	Operator          TolerationOperator
	Value             string
	Effect            TaintEffect
	TolerationSeconds *int64
}

// HostAlias mirrors corev1.HostAlias.
type HostAlias struct {
	IP        string
	Hostnames []string
}

// PodDNSConfig mirrors corev1.PodDNSConfig.
type PodDNSConfig struct {
	Nameservers []string
	Searches    []string
	Options     []PodDNSConfigOption
}

// PodDNSConfigOption mirrors corev1.PodDNSConfigOption.
type PodDNSConfigOption struct {
	Name  string
	Value *string
}

// PodReadinessGate mirrors corev1.PodReadinessGate.
type PodReadinessGate struct {
	ConditionType PodConditionType
}

// TopologySpreadConstraint mirrors corev1.TopologySpreadConstraint.
type TopologySpreadConstraint struct {
	MaxSkew            int32
	TopologyKey        string
	WhenUnsatisfiable  UnsatisfiableConstraintAction
	LabelSelector      *LabelSelector
	MinDomains         *int32
	NodeAffinityPolicy *NodeInclusionPolicy
	NodeTaintsPolicy   *NodeInclusionPolicy
	MatchLabelKeys     []string
}

// PodOS mirrors corev1.PodOS.
type PodOS struct {
	Name OSName
}

// PodSchedulingGate mirrors corev1.PodSchedulingGate.
type PodSchedulingGate struct {
	Name string
}

// PodResourceClaim mirrors corev1.PodResourceClaim.
type PodResourceClaim struct {
	Name                      string
	ResourceClaimName         *string
	ResourceClaimTemplateName *string
}

// CloudWatchMetric mirrors v1alpha1.CloudWatchMetric.
type CloudWatchMetric struct {
	Interval          DurationString
	MetricDataQueries []CloudWatchMetricDataQuery
}

// CloudWatchMetricDataQuery mirrors v1alpha1.CloudWatchMetricDataQuery.
type CloudWatchMetricDataQuery struct {
	Id         string
	Expression *string
	Label      *string
	MetricStat *CloudWatchMetricStat
	Period     *IntOrString
	ReturnData *bool
}

// CloudWatchMetricStat mirrors v1alpha1.CloudWatchMetricStat.
type CloudWatchMetricStat struct {
	Metric CloudWatchMetricStatMetric
	Period IntOrString
	Stat   string
	Unit   string
}

// CloudWatchMetricStatMetric mirrors v1alpha1.CloudWatchMetricStatMetric.
type CloudWatchMetricStatMetric struct {
	Dimensions []CloudWatchMetricStatMetricDimension
	MetricName string
	Namespace  *string
}

// CloudWatchMetricStatMetricDimension mirrors v1alpha1.CloudWatchMetricStatMetricDimension.
type CloudWatchMetricStatMetricDimension struct {
	Name  string
	Value string
}

// GraphiteMetric mirrors v1alpha1.GraphiteMetric.
type GraphiteMetric struct {
	Address string
	Query   string
}

// InfluxdbMetric mirrors v1alpha1.InfluxdbMetric.
type InfluxdbMetric struct {
	Profile string
	Query   string
}

// SkyWalkingMetric mirrors v1alpha1.SkyWalkingMetric.
type SkyWalkingMetric struct {
	Address  string
	Query    string
	Interval DurationString
}

// Argument mirrors v1alpha1.Argument.
type Argument struct {
	Name      string
	Value     *string
	ValueFrom *ValueFrom
}

// ValueFrom mirrors v1alpha1.ValueFrom.
type ValueFrom struct {
	SecretKeyRef *SecretKeyRef
	FieldRef     *FieldRef
}

// SecretKeyRef mirrors v1alpha1.SecretKeyRef.
type SecretKeyRef struct {
	Name string
	Key  string
}

// FieldRef mirrors v1alpha1.FieldRef.
type FieldRef struct {
	FieldPath string
}

// DryRun mirrors v1alpha1.DryRun.
type DryRun struct {
	MetricName string
}

// MeasurementRetention mirrors v1alpha1.MeasurementRetention.
type MeasurementRetention struct {
	MetricName string
	Limit      int32
}

// TTLStrategy mirrors v1alpha1.TTLStrategy.
type TTLStrategy struct {
	SecondsAfterCompletion *int32
	SecondsAfterFailure    *int32
	SecondsAfterSuccess    *int32
}

// AnalysisRunStatus mirrors v1alpha1.AnalysisRunStatus.
type AnalysisRunStatus struct {
	Phase         AnalysisPhase
	Message       string
	MetricResults []MetricResult
	StartedAt     *Time
	RunSummary    RunSummary
	DryRunSummary *RunSummary
	CompletedAt   *Time
}

// MetricResult mirrors v1alpha1.MetricResult.
type MetricResult struct {
	Name               string
	Phase              AnalysisPhase
	Measurements       []Measurement
	Message            string
	Count              int32
	Successful         int32
	Failed             int32
	Inconclusive       int32
	Error              int32
	ConsecutiveError   int32
	DryRun             bool
	Metadata           map[string]string
	ConsecutiveSuccess int32
}

// Measurement mirrors v1alpha1.Measurement.
type Measurement struct {
	Phase      AnalysisPhase
	Message    string
	StartedAt  *Time
	FinishedAt *Time
	Value      string
	Metadata   map[string]string
	ResumeAt   *Time
}

// RunSummary mirrors v1alpha1.RunSummary.
type RunSummary struct {
	Count        int32
	Successful   int32
	Failed       int32
	Inconclusive int32
	Error        int32
}
