// Mirrors of k8s.io/api v0.34.5 core/v1 for gob captures: the same type names,
// exported field names and Go kinds as the originals, and no behaviour.

package v1

import (
	intstr "../intstr"
	metav1 "../metav1"
	resource "../resource"
)

type AppArmorProfileType string

type AzureDataDiskCachingMode string

type AzureDataDiskKind string

type Capability string

type ConditionStatus string

type ContainerRestartPolicy string

type ContainerRestartRuleAction string

type ContainerRestartRuleOnExitCodesOperator string

type DNSPolicy string

type HostPathType string

type MountPropagationMode string

type NodeInclusionPolicy string

type NodeSelectorOperator string

type OSName string

type PersistentVolumeAccessMode string

type PersistentVolumeMode string

type PodConditionType string

type PodFSGroupChangePolicy string

type PodSELinuxChangePolicy string

type PreemptionPolicy string

type ProcMountType string

type Protocol string

type PullPolicy string

type RecursiveReadOnlyMode string

type ResourceList map[ResourceName]resource.Quantity

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

type URIScheme string

type UnsatisfiableConstraintAction string

type PodTemplateSpec struct {
	metav1.ObjectMeta
	Spec PodSpec
}

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
	Overhead                      ResourceList
	TopologySpreadConstraints     []TopologySpreadConstraint
	SetHostnameAsFQDN             *bool
	OS                            *PodOS
	HostUsers                     *bool
	SchedulingGates               []PodSchedulingGate
	ResourceClaims                []PodResourceClaim
	Resources                     *ResourceRequirements
	HostnameOverride              *string
}

type Volume struct {
	Name string
	VolumeSource
}

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

type HostPathVolumeSource struct {
	Path string
	Type *HostPathType
}

type EmptyDirVolumeSource struct {
	Medium    StorageMedium
	SizeLimit *resource.Quantity
}

type GCEPersistentDiskVolumeSource struct {
	PDName    string
	FSType    string
	Partition int32
	ReadOnly  bool
}

type AWSElasticBlockStoreVolumeSource struct {
	VolumeID  string
	FSType    string
	Partition int32
	ReadOnly  bool
}

type GitRepoVolumeSource struct {
	Repository string
	Revision   string
	Directory  string
}

type SecretVolumeSource struct {
	SecretName  string
	Items       []KeyToPath
	DefaultMode *int32
	Optional    *bool
}

type KeyToPath struct {
	Key  string
	Path string
	Mode *int32
}

type NFSVolumeSource struct {
	Server   string
	Path     string
	ReadOnly bool
}

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

type LocalObjectReference struct {
	Name string
}

type GlusterfsVolumeSource struct {
	EndpointsName string
	Path          string
	ReadOnly      bool
}

type PersistentVolumeClaimVolumeSource struct {
	ClaimName string
	ReadOnly  bool
}

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

type FlexVolumeSource struct {
	Driver    string
	FSType    string
	SecretRef *LocalObjectReference
	ReadOnly  bool
	Options   map[string]string
}

type CinderVolumeSource struct {
	VolumeID  string
	FSType    string
	ReadOnly  bool
	SecretRef *LocalObjectReference
}

type CephFSVolumeSource struct {
	Monitors   []string
	Path       string
	User       string
	SecretFile string
	SecretRef  *LocalObjectReference
	ReadOnly   bool
}

type FlockerVolumeSource struct {
	DatasetName string
	DatasetUUID string
}

type DownwardAPIVolumeSource struct {
	Items       []DownwardAPIVolumeFile
	DefaultMode *int32
}

type DownwardAPIVolumeFile struct {
	Path             string
	FieldRef         *ObjectFieldSelector
	ResourceFieldRef *ResourceFieldSelector
	Mode             *int32
}

type ObjectFieldSelector struct {
	APIVersion string
	FieldPath  string
}

type ResourceFieldSelector struct {
	ContainerName string
	Resource      string
	Divisor       resource.Quantity
}

type FCVolumeSource struct {
	TargetWWNs []string
	Lun        *int32
	FSType     string
	ReadOnly   bool
	WWIDs      []string
}

type AzureFileVolumeSource struct {
	SecretName string
	ShareName  string
	ReadOnly   bool
}

type ConfigMapVolumeSource struct {
	LocalObjectReference
	Items       []KeyToPath
	DefaultMode *int32
	Optional    *bool
}

type VsphereVirtualDiskVolumeSource struct {
	VolumePath        string
	FSType            string
	StoragePolicyName string
	StoragePolicyID   string
}

type QuobyteVolumeSource struct {
	Registry string
	Volume   string
	ReadOnly bool
	User     string
	Group    string
	Tenant   string
}

type AzureDiskVolumeSource struct {
	DiskName    string
	DataDiskURI string
	CachingMode *AzureDataDiskCachingMode
	FSType      *string
	ReadOnly    *bool
	Kind        *AzureDataDiskKind
}

type PhotonPersistentDiskVolumeSource struct {
	PdID   string
	FSType string
}

type ProjectedVolumeSource struct {
	Sources     []VolumeProjection
	DefaultMode *int32
}

type VolumeProjection struct {
	Secret              *SecretProjection
	DownwardAPI         *DownwardAPIProjection
	ConfigMap           *ConfigMapProjection
	ServiceAccountToken *ServiceAccountTokenProjection
	ClusterTrustBundle  *ClusterTrustBundleProjection
	PodCertificate      *PodCertificateProjection
}

type SecretProjection struct {
	LocalObjectReference
	Items    []KeyToPath
	Optional *bool
}

type DownwardAPIProjection struct {
	Items []DownwardAPIVolumeFile
}

type ConfigMapProjection struct {
	LocalObjectReference
	Items    []KeyToPath
	Optional *bool
}

type ServiceAccountTokenProjection struct {
	Audience          string
	ExpirationSeconds *int64
	Path              string
}

type ClusterTrustBundleProjection struct {
	Name          *string
	SignerName    *string
	LabelSelector *metav1.LabelSelector
	Optional      *bool
	Path          string
}

type PodCertificateProjection struct {
	SignerName           string
	KeyType              string
	MaxExpirationSeconds *int32
	CredentialBundlePath string
	KeyPath              string
	CertificateChainPath string
}

type PortworxVolumeSource struct {
	VolumeID string
	FSType   string
	ReadOnly bool
}

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

type StorageOSVolumeSource struct {
	VolumeName      string
	VolumeNamespace string
	FSType          string
	ReadOnly        bool
	SecretRef       *LocalObjectReference
}

type CSIVolumeSource struct {
	Driver               string
	ReadOnly             *bool
	FSType               *string
	VolumeAttributes     map[string]string
	NodePublishSecretRef *LocalObjectReference
}

type EphemeralVolumeSource struct {
	VolumeClaimTemplate *PersistentVolumeClaimTemplate
}

type PersistentVolumeClaimTemplate struct {
	metav1.ObjectMeta
	Spec PersistentVolumeClaimSpec
}

type PersistentVolumeClaimSpec struct {
	AccessModes               []PersistentVolumeAccessMode
	Selector                  *metav1.LabelSelector
	Resources                 VolumeResourceRequirements
	VolumeName                string
	StorageClassName          *string
	VolumeMode                *PersistentVolumeMode
	DataSource                *TypedLocalObjectReference
	DataSourceRef             *TypedObjectReference
	VolumeAttributesClassName *string
}

type VolumeResourceRequirements struct {
	Limits   ResourceList
	Requests ResourceList
}

type TypedLocalObjectReference struct {
	APIGroup *string
	Kind     string
	Name     string
}

type TypedObjectReference struct {
	APIGroup  *string
	Kind      string
	Name      string
	Namespace *string
}

type ImageVolumeSource struct {
	Reference  string
	PullPolicy PullPolicy
}

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

type ContainerPort struct {
	Name          string
	HostPort      int32
	ContainerPort int32
	Protocol      Protocol
	HostIP        string
}

type EnvFromSource struct {
	Prefix       string
	ConfigMapRef *ConfigMapEnvSource
	SecretRef    *SecretEnvSource
}

type ConfigMapEnvSource struct {
	LocalObjectReference
	Optional *bool
}

type SecretEnvSource struct {
	LocalObjectReference
	Optional *bool
}

type EnvVar struct {
	Name      string
	Value     string
	ValueFrom *EnvVarSource
}

type EnvVarSource struct {
	FieldRef         *ObjectFieldSelector
	ResourceFieldRef *ResourceFieldSelector
	ConfigMapKeyRef  *ConfigMapKeySelector
	SecretKeyRef     *SecretKeySelector
	FileKeyRef       *FileKeySelector
}

type ConfigMapKeySelector struct {
	LocalObjectReference
	Key      string
	Optional *bool
}

type SecretKeySelector struct {
	LocalObjectReference
	Key      string
	Optional *bool
}

type FileKeySelector struct {
	VolumeName string
	Path       string
	Key        string
	Optional   *bool
}

type ResourceRequirements struct {
	Limits   ResourceList
	Requests ResourceList
	Claims   []ResourceClaim
}

type ResourceClaim struct {
	Name    string
	Request string
}

type ContainerResizePolicy struct {
	ResourceName  ResourceName
	RestartPolicy ResourceResizeRestartPolicy
}

type ContainerRestartRule struct {
	Action    ContainerRestartRuleAction
	ExitCodes *ContainerRestartRuleOnExitCodes
}

type ContainerRestartRuleOnExitCodes struct {
	Operator ContainerRestartRuleOnExitCodesOperator
	Values   []int32
}

type VolumeMount struct {
	Name              string
	ReadOnly          bool
	RecursiveReadOnly *RecursiveReadOnlyMode
	MountPath         string
	SubPath           string
	MountPropagation  *MountPropagationMode
	SubPathExpr       string
}

type VolumeDevice struct {
	Name       string
	DevicePath string
}

type Probe struct {
	ProbeHandler
	InitialDelaySeconds           int32
	TimeoutSeconds                int32
	PeriodSeconds                 int32
	SuccessThreshold              int32
	FailureThreshold              int32
	TerminationGracePeriodSeconds *int64
}

type ProbeHandler struct {
	Exec      *ExecAction
	HTTPGet   *HTTPGetAction
	TCPSocket *TCPSocketAction
	GRPC      *GRPCAction
}

type ExecAction struct {
	Command []string
}

type HTTPGetAction struct {
	Path        string
	Port        intstr.IntOrString
	Host        string
	Scheme      URIScheme
	HTTPHeaders []HTTPHeader
}

type HTTPHeader struct {
	Name  string
	Value string
}

type TCPSocketAction struct {
	Port intstr.IntOrString
	Host string
}

type GRPCAction struct {
	Port    int32
	Service *string
}

type Lifecycle struct {
	PostStart  *LifecycleHandler
	PreStop    *LifecycleHandler
	StopSignal *Signal
}

type LifecycleHandler struct {
	Exec      *ExecAction
	HTTPGet   *HTTPGetAction
	TCPSocket *TCPSocketAction
	Sleep     *SleepAction
}

type SleepAction struct {
	Seconds int64
}

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

type Capabilities struct {
	Add  []Capability
	Drop []Capability
}

type SELinuxOptions struct {
	User  string
	Role  string
	Type  string
	Level string
}

type WindowsSecurityContextOptions struct {
	GMSACredentialSpecName *string
	GMSACredentialSpec     *string
	RunAsUserName          *string
	HostProcess            *bool
}

type SeccompProfile struct {
	Type             SeccompProfileType
	LocalhostProfile *string
}

type AppArmorProfile struct {
	Type             AppArmorProfileType
	LocalhostProfile *string
}

type EphemeralContainer struct {
	EphemeralContainerCommon
	TargetContainerName string
}

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

type Sysctl struct {
	Name  string
	Value string
}

type Affinity struct {
	NodeAffinity    *NodeAffinity
	PodAffinity     *PodAffinity
	PodAntiAffinity *PodAntiAffinity
}

type NodeAffinity struct {
	RequiredDuringSchedulingIgnoredDuringExecution  *NodeSelector
	PreferredDuringSchedulingIgnoredDuringExecution []PreferredSchedulingTerm
}

type NodeSelector struct {
	NodeSelectorTerms []NodeSelectorTerm
}

type NodeSelectorTerm struct {
	MatchExpressions []NodeSelectorRequirement
	MatchFields      []NodeSelectorRequirement
}

type NodeSelectorRequirement struct {
	Key      string
	Operator NodeSelectorOperator
	Values   []string
}

type PreferredSchedulingTerm struct {
	Weight     int32
	Preference NodeSelectorTerm
}

type PodAffinity struct {
	RequiredDuringSchedulingIgnoredDuringExecution  []PodAffinityTerm
	PreferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm
}

type PodAffinityTerm struct {
	LabelSelector     *metav1.LabelSelector
	Namespaces        []string
	TopologyKey       string
	NamespaceSelector *metav1.LabelSelector
	MatchLabelKeys    []string
	MismatchLabelKeys []string
}

type WeightedPodAffinityTerm struct {
	Weight          int32
	PodAffinityTerm PodAffinityTerm
}

type PodAntiAffinity struct {
	RequiredDuringSchedulingIgnoredDuringExecution  []PodAffinityTerm
	PreferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm
}

type Toleration struct {
	Key               string
	Operator          TolerationOperator
	Value             string
	Effect            TaintEffect
	TolerationSeconds *int64
}

type HostAlias struct {
	IP        string
	Hostnames []string
}

type PodDNSConfig struct {
	Nameservers []string
	Searches    []string
	Options     []PodDNSConfigOption
}

type PodDNSConfigOption struct {
	Name  string
	Value *string
}

type PodReadinessGate struct {
	ConditionType PodConditionType
}

type TopologySpreadConstraint struct {
	MaxSkew            int32
	TopologyKey        string
	WhenUnsatisfiable  UnsatisfiableConstraintAction
	LabelSelector      *metav1.LabelSelector
	MinDomains         *int32
	NodeAffinityPolicy *NodeInclusionPolicy
	NodeTaintsPolicy   *NodeInclusionPolicy
	MatchLabelKeys     []string
}

type PodOS struct {
	Name OSName
}

type PodSchedulingGate struct {
	Name string
}

type PodResourceClaim struct {
	Name                      string
	ResourceClaimName         *string
	ResourceClaimTemplateName *string
}
