<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../forms/aboutdialog.ui" line="+6"/>
        <source>About Ordinal</source>
        <translation>关于 Ordinal</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Ordinal shows how a Kubernetes StatefulSet keeps the topology state of an application: pods created in ordinal order, each with a stable name in DNS, while the IP behind the name changes whenever the pod is recreated. Everything runs offline on a deterministic simulated cluster.</source>
        <translation>Ordinal 演示 Kubernetes StatefulSet 如何保持应用的拓扑状态：Pod 按序号顺序创建，每个 Pod 在 DNS 中都有稳定的名字，而名字背后的 IP 会在 Pod 每次重建时改变。一切都在一个确定性的模拟集群上离线运行。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Built with Qt and yaml-cpp. Status colours from the Okabe–Ito palette.</source>
        <translation>基于 Qt 和 yaml-cpp 构建。状态颜色取自 Okabe–Ito 调色板。</translation>
    </message>
</context>
<context>
    <name>Admission</name>
    <message>
        <location filename="../src/core/api/admission.cpp" line="+145"/>
        <location line="+272"/>
        <location line="+426"/>
        <source>must be greater than or equal to 0</source>
        <translation>must be greater than or equal to 0</translation>
    </message>
    <message>
        <location line="-639"/>
        <source>must be no more than %1 characters</source>
        <translation>must be no more than %1 characters</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>a lowercase RFC 1123 label must consist of lower case alphanumeric characters or &apos;-&apos;, and must start and end with an alphanumeric character</source>
        <translation>a lowercase RFC 1123 label must consist of lower case alphanumeric characters or &apos;-&apos;, and must start and end with an alphanumeric character</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, &apos;-&apos; or &apos;.&apos;, and must start and end with an alphanumeric character</source>
        <translation>a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, &apos;-&apos; or &apos;.&apos;, and must start and end with an alphanumeric character</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a DNS-1035 label must consist of lower case alphanumeric characters or &apos;-&apos;, start with an alphabetic character, and end with an alphanumeric character</source>
        <translation>a DNS-1035 label must consist of lower case alphanumeric characters or &apos;-&apos;, start with an alphabetic character, and end with an alphanumeric character</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must consist of alphanumeric characters, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, and must start and end with an alphanumeric character</source>
        <translation>must consist of alphanumeric characters, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, and must start and end with an alphanumeric character</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+11"/>
        <source>must be non-empty</source>
        <translation>must be non-empty</translation>
    </message>
    <message>
        <location line="-4"/>
        <source> with an optional DNS subdomain prefix and &apos;/&apos; (e.g. &apos;example.com/MyName&apos;)</source>
        <translation> with an optional DNS subdomain prefix and &apos;/&apos; (e.g. &apos;example.com/MyName&apos;)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a valid label must be an empty string or consist of alphanumeric characters, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, and must start and end with an alphanumeric character</source>
        <translation>a valid label must be an empty string or consist of alphanumeric characters, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, and must start and end with an alphanumeric character</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be between 1 and 65535, inclusive</source>
        <translation>must be between 1 and 65535, inclusive</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)</source>
        <translation>must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must contain at least one letter (a-z)</source>
        <translation>must contain at least one letter (a-z)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not contain consecutive hyphens</source>
        <translation>must not contain consecutive hyphens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not begin or end with a hyphen</source>
        <translation>must not begin or end with a hyphen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>must be specified when `operator` is &apos;In&apos; or &apos;NotIn&apos;</source>
        <translation>must be specified when `operator` is &apos;In&apos; or &apos;NotIn&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>may not be specified when `operator` is &apos;Exists&apos; or &apos;DoesNotExist&apos;</source>
        <translation>may not be specified when `operator` is &apos;Exists&apos; or &apos;DoesNotExist&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a valid selector operator</source>
        <translation>not a valid selector operator</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>name or generateName is required</source>
        <translation>name or generateName is required</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+3"/>
        <location line="+635"/>
        <source>field is immutable</source>
        <translation>field is immutable</translation>
    </message>
    <message>
        <location line="-623"/>
        <source>must specify a handler type</source>
        <translation>must specify a handler type</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be 1</source>
        <translation>must be 1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>must be less than or equal to %1 limit of %2</source>
        <translation>must be less than or equal to %1 limit of %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>operator must be Exists when `key` is empty, which means &quot;match all values and all keys&quot;</source>
        <translation>operator must be Exists when `key` is empty, which means &quot;match all values and all keys&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>effect must be &apos;NoExecute&apos; when `tolerationSeconds` is set</source>
        <translation>effect must be &apos;NoExecute&apos; when `tolerationSeconds` is set</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>value must be empty when `operator` is &apos;Exists&apos;</source>
        <translation>value must be empty when `operator` is &apos;Exists&apos;</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>must be between 1 and 2147483647, inclusive</source>
        <translation>must be between 1 and 2147483647, inclusive</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>must be &apos;OrderedReady&apos; or &apos;Parallel&apos;</source>
        <translation>must be &apos;OrderedReady&apos; or &apos;Parallel&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>only allowed for updateStrategy &apos;RollingUpdate&apos;</source>
        <translation>only allowed for updateStrategy &apos;RollingUpdate&apos;</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+444"/>
        <source>a valid percent string must be a numeric string followed by an ending &apos;%&apos;</source>
        <translation>a valid percent string must be a numeric string followed by an ending &apos;%&apos;</translation>
    </message>
    <message>
        <location line="-434"/>
        <source>cannot be 0</source>
        <translation>cannot be 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+439"/>
        <source>must not be greater than 100%</source>
        <translation>must not be greater than 100%</translation>
    </message>
    <message>
        <location line="-428"/>
        <source>must be &apos;RollingUpdate&apos; or &apos;OnDelete&apos;</source>
        <translation>must be &apos;RollingUpdate&apos; or &apos;OnDelete&apos;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>empty selector is invalid for statefulset</source>
        <translation>empty selector is invalid for statefulset</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>`selector` does not match template `labels`</source>
        <translation>`selector` does not match template `labels`</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>activeDeadlineSeconds in StatefulSet is not Supported</source>
        <translation>activeDeadlineSeconds in StatefulSet is not Supported</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>updates to statefulset spec for fields other than &apos;replicas&apos;, &apos;ordinals&apos;, &apos;template&apos;, &apos;updateStrategy&apos;, &apos;revisionHistoryLimit&apos;, &apos;persistentVolumeClaimRetentionPolicy&apos; and &apos;minReadySeconds&apos; are forbidden</source>
        <translation>updates to statefulset spec for fields other than &apos;replicas&apos;, &apos;ordinals&apos;, &apos;template&apos;, &apos;updateStrategy&apos;, &apos;revisionHistoryLimit&apos;, &apos;persistentVolumeClaimRetentionPolicy&apos; and &apos;minReadySeconds&apos; are forbidden</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>may not be set for ExternalName services</source>
        <translation>may not be set for ExternalName services</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)</source>
        <translation>must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>may not be set to &apos;None&apos; for %1 services</source>
        <translation>may not be set to &apos;None&apos; for %1 services</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)</source>
        <translation>pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>node updates may not change podCIDR except from &quot;&quot; to valid</source>
        <translation>node updates may not change podCIDR except from &quot;&quot; to valid</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>at least 1 access mode is required</source>
        <translation>at least 1 access mode is required</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims</source>
        <translation>spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>field can not be less than status.capacity</source>
        <translation>field can not be less than status.capacity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>field can not be less than previous value</source>
        <translation>field can not be less than previous value</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>minAvailable and maxUnavailable cannot be both set</source>
        <translation>minAvailable and maxUnavailable cannot be both set</translation>
    </message>
</context>
<context>
    <name>ApiWrite</name>
    <message>
        <location filename="../src/core/sim/apiwrite.cpp" line="+80"/>
        <source>unknown API verb &quot;%1&quot;</source>
        <translation>未知的 API 动词“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown API resource &quot;%1&quot;</source>
        <translation>未知的 API 资源“%1”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown patch type &quot;%1&quot;</source>
        <translation>未知的补丁类型“%1”</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 %2 through the Kubernetes API (kubectl or another client); resourceVersion %3</source>
        <translation>通过 Kubernetes API（kubectl 或其他客户端）%1 %2；resourceVersion %3</translation>
    </message>
</context>
<context>
    <name>ClusterFile</name>
    <message>
        <location filename="../src/core/io/clusterfile.cpp" line="+38"/>
        <source>expected a duration such as 17s</source>
        <translation>应为时长，例如 17s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid duration &quot;%1&quot;</source>
        <translation>无效的时长“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected a mapping</source>
        <translation>应为映射</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a node must be a mapping</source>
        <translation>每个 Node 必须是一个映射</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>taints must be a list</source>
        <translation>taints 必须是列表</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a taint needs a key and an effect (NoSchedule, PreferNoSchedule, NoExecute)</source>
        <translation>污点需要 key 和 effect（NoSchedule、PreferNoSchedule、NoExecute）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown node field &quot;%1&quot;</source>
        <translation>未知的 Node 字段“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a node needs a name</source>
        <translation>Node 需要一个名字</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot read cluster file &quot;%1&quot;: %2</source>
        <translation>无法读取集群文件“%1”：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: a cluster file is a mapping with a nodes list</source>
        <translation>%1：集群文件应是一个包含 nodes 列表的映射</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>nodes must be a non-empty list</source>
        <translation>nodes 必须是非空列表</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>unknown timing field &quot;%1&quot;</source>
        <translation>未知的 timing 字段“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown field &quot;%1&quot;</source>
        <translation>未知字段“%1”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the cluster has no nodes</source>
        <translation>%1：集群中没有 Node</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../src/core/console/console.cpp" line="+872"/>
        <source>error: Ordinal watches pods only (kubectl get pods -w)</source>
        <translation>错误：Ordinal 只能监视 Pod（kubectl get pods -w）</translation>
    </message>
    <message>
        <location line="+416"/>
        <source>error: Ordinal cannot delete %1 objects</source>
        <translation>错误：Ordinal 无法删除 %1 对象</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>error: Ordinal deletes pods, statefulsets, services and nodes</source>
        <translation>错误：Ordinal 只能删除 Pod、StatefulSet、Service 和 Node</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>error: Ordinal describes pods, statefulsets, services, nodes and poddisruptionbudgets</source>
        <translation>错误：Ordinal 只能 describe Pod、StatefulSet、Service、Node 和 PodDisruptionBudget</translation>
    </message>
    <message>
        <location line="+296"/>
        <source>error: Ordinal scales statefulsets only</source>
        <translation>错误：Ordinal 只能扩缩 StatefulSet</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>error: Ordinal sets images of statefulsets only</source>
        <translation>错误：Ordinal 只能设置 StatefulSet 的镜像</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>error: Ordinal shows the rollout status of one statefulset</source>
        <translation>错误：Ordinal 只能显示单个 StatefulSet 的 rollout 状态</translation>
    </message>
    <message>
        <location line="+344"/>
        <source>error: Ordinal supports kubectl config set-context --current --namespace=NS</source>
        <translation>错误：Ordinal 只支持 kubectl config set-context --current --namespace=NS</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>wait: still changing after %1</source>
        <translation>wait：%1 后仍在变化</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>usage: sim node-down|node-up NODE | unready|ready|crash|fail POD | init-fail|init-pass POD | pull-time IMAGE DURATION | time</source>
        <translation>用法：sim node-down|node-up NODE | unready|ready|crash|fail POD | init-fail|init-pass POD | pull-time IMAGE DURATION | time</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>sim: invalid duration &apos;%1&apos;</source>
        <translation>sim：无效的时长“%1”</translation>
    </message>
</context>
<context>
    <name>DisruptionController</name>
    <message>
        <location filename="../src/core/controllers/disruptioncontroller.cpp" line="+149"/>
        <source>%1 allows %2 voluntary disruption(s): %3 of its pods are healthy and it needs %4.</source>
        <translation>%1 允许 %2 次自愿中断：它的 Pod 中有 %3 个健康，它需要 %4 个。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 allows no voluntary disruption now: %2 of its pods are healthy and it needs %3. Evictions (kubectl drain) wait.</source>
        <translation>%1 现在不允许任何自愿中断：它的 Pod 中有 %2 个健康，它需要 %3 个。驱逐（kubectl drain）只能等待。</translation>
    </message>
</context>
<context>
    <name>Eviction</name>
    <message>
        <location filename="../src/core/controllers/eviction.cpp" line="+133"/>
        <source>%1 lets %2 be evicted; it allows %3 more disruption(s) until the pod is replaced and Ready.</source>
        <translation>%1 允许驱逐 %2；在该 Pod 被替换并变为 Ready 之前，它只再允许 %3 次中断。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../forms/exportdialog.ui" line="+6"/>
        <source>Export Frame Sequence</source>
        <translation>导出帧序列</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Writes one PNG per frame of the canvas, from the history of the simulation, for slides or video.</source>
        <translation>根据模拟的历史，为画布的每一帧写出一个 PNG 文件，可用于幻灯片或视频。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Every:</source>
        <translation>间隔(&amp;E)：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>F&amp;older:</source>
        <translation>文件夹(&amp;O)：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Large type (presenter style)</source>
        <translation>大字号（演示风格）(&amp;L)</translation>
    </message>
</context>
<context>
    <name>JsonDecode</name>
    <message>
        <location filename="../src/core/api/jsondecode.cpp" line="+43"/>
        <source>%1 is not %2</source>
        <translation>%1 不是%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+68"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a number or a string</source>
        <translation>数字或字符串</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an RFC 3339 time</source>
        <translation>RFC 3339 时间</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an object of strings</source>
        <translation>字符串对象</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a list of strings</source>
        <translation>字符串列表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+571"/>
        <location line="+45"/>
        <source>the object is not a JSON object</source>
        <translation>该对象不是 JSON 对象</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+48"/>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+48"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+48"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
</context>
<context>
    <name>Kubeconfig</name>
    <message>
        <location filename="../src/net/kubeconfig.cpp" line="+64"/>
        <source>cannot read the kubeconfig &quot;%1&quot;: %2</source>
        <translation>无法读取 kubeconfig“%1”：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the kubeconfig &quot;%1&quot; is not valid: %2</source>
        <translation>kubeconfig“%1”无效：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>there is no kubeconfig at &quot;%1&quot;</source>
        <translation>“%1”处没有 kubeconfig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none of the kubeconfig files exists: %1</source>
        <translation>这些 kubeconfig 文件都不存在：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>line %1, column %2: %3</source>
        <translation>第 %1 行第 %2 列：%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>it is not a YAML mapping</source>
        <translation>它不是 YAML 映射</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>the kubeconfig sets no current-context; choose a context</source>
        <translation>kubeconfig 没有设置 current-context；请选择一个上下文</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there is no context &quot;%1&quot; in the kubeconfig</source>
        <translation>kubeconfig 中没有上下文“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>context &quot;%1&quot; names cluster &quot;%2&quot;, which no kubeconfig file defines</source>
        <translation>上下文“%1”指向集群“%2”，但没有任何 kubeconfig 文件定义它</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cluster &quot;%1&quot; has no server address</source>
        <translation>集群“%1”没有服务器地址</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot read the %1 &quot;%2&quot;: %3</source>
        <translation>无法读取%1“%2”：%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>certificate authority</source>
        <translation>证书颁发机构</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>user &quot;%1&quot; has a client certificate without its key, or a key without its certificate</source>
        <translation>用户“%1”有客户端证书却没有私钥，或有私钥却没有证书</translation>
    </message>
</context>
<context>
    <name>Kubelet</name>
    <message>
        <location filename="../src/core/controllers/kubelet.cpp" line="+360"/>
        <source>%1: init container %2 exited with code 1 and restartPolicy is Never, so the pod fails; its app containers never start.</source>
        <translation>%1：init 容器 %2 以退出码 1 结束，而 restartPolicy 是 Never，所以 Pod 失败；它的应用容器永远不会启动。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: init container %2 exited with code 1; the kubelet runs it again (after a growing back-off) and starts no app container until it succeeds.</source>
        <translation>%1：init 容器 %2 以退出码 1 结束；kubelet 会再次运行它（等待时间逐次增长），在它成功之前不启动任何应用容器。</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>%1 cannot start: image %2 cannot be pulled; next try in %3.</source>
        <translation>%1 无法启动：镜像 %2 无法拉取；将在 %3 后重试。</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>%1 stays Terminating: the kubelet on %2 is unreachable and cannot confirm that its containers stopped. The StatefulSet will not create a second %1 while this object exists.</source>
        <translation>%1 一直处于 Terminating：%2 上的 kubelet 无法访问，不能确认其容器已经停止。只要这个对象还存在，StatefulSet 就不会再创建第二个 %1。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 crashed again (%2 times): the kubelet waits longer before each restart (CrashLoopBackOff). It stays Running but not Ready.</source>
        <translation>%1 再次崩溃（共 %2 次）：kubelet 每次重启前等待的时间越来越长（CrashLoopBackOff）。它保持 Running，但不是 Ready。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 crashed (exit code 1): restartPolicy Always restarts it in place; same pod, same IP, RESTARTS goes up.</source>
        <translation>%1 崩溃了（退出码 1）：restartPolicy Always 会就地重启它；Pod 不变，IP 不变，RESTARTS 增加。</translation>
    </message>
</context>
<context>
    <name>LessonCatalog</name>
    <message>
        <location filename="../src/gui/panels/lessoncatalog.cpp" line="+32"/>
        <source>StatefulSet topology state</source>
        <translation>StatefulSet 的拓扑状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the Pods of a StatefulSet start one after another, keep their names and DNS records when they are replaced, and why their IP addresses do not stay the same.</source>
        <translation>为什么 StatefulSet 的 Pod 会一个接一个地启动、被替换后仍保留名字和 DNS 记录，而它们的 IP 地址却不会保持不变。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A Service without a cluster IP</source>
        <translation>没有集群 IP 的 Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replicas of a stateful application are not interchangeable, so clients must be able to reach each one by name. A headless Service (clusterIP: None) gets no virtual IP of its own; instead the cluster DNS publishes a record for every Pod it selects.</source>
        <translation>有状态应用的各个副本不能互相替代，所以客户端必须能够按名字找到每一个副本。Headless Service（clusterIP: None）没有自己的虚拟 IP；集群 DNS 会为它选中的每个 Pod 各发布一条记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Service nginx appears on the canvas, still connected to no Pod.</source>
        <translation>Service nginx 出现在画布上，暂时还没有连接任何 Pod。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the Service</source>
        <translation>查看 Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The CLUSTER-IP column says None: there is no load-balanced address. Names under nginx.default.svc.cluster.local will point straight at Pods.</source>
        <translation>CLUSTER-IP 列显示 None：没有负载均衡地址。nginx.default.svc.cluster.local 之下的名字将直接指向各个 Pod。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing moves yet; the Service is waiting for Pods with the label app=nginx.</source>
        <translation>画面还没有变化；Service 正在等待带有 app=nginx 标签的 Pod。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the StatefulSet</source>
        <translation>创建 StatefulSet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Look at the StatefulSet</source>
        <translation>查看 StatefulSet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>READY counts the Pods that are running and ready against the replicas asked for. Early on it shows 0/2 or 1/2: the controller is still working through the ordinals.</source>
        <translation>READY 把正在运行且就绪的 Pod 数与期望的副本数相比较。起初它会显示 0/2 或 1/2：控制器还在按序号逐个处理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare READY with the Pod cards on the canvas.</source>
        <translation>把 READY 与画布上的 Pod 卡片对照一下。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch the Pods start in order</source>
        <translation>观察 Pod 按顺序启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the default OrderedReady policy the controller creates web-1 only after web-0 is Running and Ready. The watch prints a row for every change; the event log shows the controller&apos;s reason for waiting.</source>
        <translation>在默认的 OrderedReady 策略下，控制器要等 web-0 处于 Running 且 Ready 之后才创建 web-1。watch 会为每次变化打印一行；事件日志会显示控制器等待的原因。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>web-0 turns Ready before web-1 is even created. Wait until both are Running, then go on.</source>
        <translation>web-0 变为 Ready 时，web-1 甚至还没有被创建。等两个 Pod 都处于 Running 后再继续。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask web-0 its hostname</source>
        <translation>询问 web-0 的主机名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hostname inside the container is the Pod&apos;s name. The ordinal is part of the identity, not a random suffix.</source>
        <translation>容器内的主机名就是 Pod 的名字。序号是身份的一部分，而不是随机后缀。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The console prints web-0.</source>
        <translation>控制台输出 web-0。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask web-1 its hostname</source>
        <translation>询问 web-1 的主机名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same for the second replica: each Pod knows who it is, and will still know after it is recreated.</source>
        <translation>第二个副本也一样：每个 Pod 都知道自己是谁，重建之后也依然知道。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The console prints web-1.</source>
        <translation>控制台输出 web-1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve web-0 by name</source>
        <translation>按名字解析 web-0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through the headless Service each Pod has a stable DNS name: &lt;pod&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.cluster.local. The answer is the Pod&apos;s current IP address.</source>
        <translation>借助 Headless Service，每个 Pod 都有一个稳定的 DNS 名字：&lt;pod&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.cluster.local。解析结果是该 Pod 当前的 IP 地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note the address; the DNS panel can track this name over time.</source>
        <translation>记下这个地址；DNS 面板可以跟踪这个名字随时间的变化。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve web-1 by name</source>
        <translation>按名字解析 web-1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web-1 has a record of its own, pointing at its own address.</source>
        <translation>web-1 有自己的一条记录，指向它自己的地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note this address as well.</source>
        <translation>同样记下这个地址。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete both Pods</source>
        <translation>删除两个 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleting the Pods does not delete the identities. The StatefulSet notices that web-0 and web-1 are missing and creates them again.</source>
        <translation>删除 Pod 并不会删除它们的身份。StatefulSet 发现 web-0 和 web-1 不见了，就会重新创建它们。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Watch them come back</source>
        <translation>观察它们重新出现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The replacements get the same names and start in the same order as before: web-0 first, then web-1 once web-0 is Ready.</source>
        <translation>新的 Pod 使用相同的名字，并按与之前相同的顺序启动：先是 web-0，等 web-0 就绪后再是 web-1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new Pods appear where the old identities were. Wait until both are Running.</source>
        <translation>新的 Pod 出现在原来身份所在的位置。等两个 Pod 都处于 Running。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve web-0 again</source>
        <translation>再次解析 web-0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name is the same, but the address may not be: a recreated Pod gets a new IP. This is why peers of a stateful application must talk to each other by DNS name, never by IP.</source>
        <translation>名字没变，地址却可能变了：重建的 Pod 会得到新的 IP。这就是为什么有状态应用的各个成员之间必须通过 DNS 名字而不是 IP 互相访问。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare the address with the one from before; the DNS panel&apos;s history shows both.</source>
        <translation>把这个地址与之前的比较一下；DNS 面板的历史记录中两者都有。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve web-1 again</source>
        <translation>再次解析 web-1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same for web-1. The topology (who is 0, who is 1, and how to reach each) survived the deletion; only the addresses changed.</source>
        <translation>web-1 也一样。拓扑关系（谁是 0、谁是 1、如何访问各自）在删除之后依然保留；变化的只有地址。</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>The StatefulSet web asks for two replicas and names nginx as its governing Service. Each Pod will be called web-&lt;ordinal&gt;: a name, not a random suffix.</source>
        <translation>StatefulSet web 要求两个副本，并指定 nginx 作为它的管理 Service。每个 Pod 都将命名为 web-&lt;序号&gt;：这是名字，不是随机后缀。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>web-0 appears first, as Pending, then pulls its image. Beside the StatefulSet, a dashed card says why web-1 does not exist yet: it waits for web-0.</source>
        <translation>web-0 先以 Pending 状态出现，然后拉取镜像。StatefulSet 旁边的虚线卡片说明 web-1 为什么还不存在：它在等待 web-0。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Both Pods fade out through Terminating; their places stay on the canvas as dashed cards, kept for the identities that come back.</source>
        <translation>两个 Pod 经过 Terminating 逐渐消失；它们的位置以虚线卡片留在画布上，为将要回来的身份保留。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Each Pod card shows its new address, with the old one under it (&quot;was …&quot;).</source>
        <translation>每张 Pod 卡片显示它的新地址，下方是旧地址（“原为 …”）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Example: Parallel pod management</source>
        <translation>示例：Parallel 方式管理 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With podManagementPolicy: Parallel the controller does not wait for one Pod before the next: names stay ordered, start-up does not.</source>
        <translation>设置 podManagementPolicy: Parallel 后，控制器创建下一个 Pod 前不再等待上一个：名字仍然有序，启动却不再有序。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply the manifests</source>
        <translation>应用清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same web StatefulSet as in the lesson, but with the Parallel policy.</source>
        <translation>与课程中相同的 web StatefulSet，只是改用了 Parallel 策略。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>web-0 and web-1 appear at the same moment.</source>
        <translation>web-0 和 web-1 同时出现。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch both start together</source>
        <translation>观察两者同时启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both Pods are created at once and become Ready independently.</source>
        <translation>两个 Pod 同时被创建，各自独立地变为 Ready。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Pod waits for another.</source>
        <translation>没有哪个 Pod 需要等待其他 Pod。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale up to four</source>
        <translation>扩容到四个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scaling up also creates all missing ordinals at once.</source>
        <translation>扩容时也会一次性创建所有缺少的序号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>web-2 and web-3 appear together.</source>
        <translation>web-2 和 web-3 一起出现。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch the new Pods</source>
        <translation>观察新的 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They still get the next ordinals, 2 and 3: identities remain ordered.</source>
        <translation>它们依然得到接下来的序号 2 和 3：身份仍然是有序的。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Four Pods, each with its own name and claim.</source>
        <translation>四个 Pod，各有自己的名字和存储声明。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale down to one</source>
        <translation>缩容到一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scaling down removes all the surplus Pods at once as well.</source>
        <translation>缩容时同样会一次性删除所有多余的 Pod。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>web-1, web-2 and web-3 terminate at the same time.</source>
        <translation>web-1、web-2 和 web-3 同时终止。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The claims stay</source>
        <translation>存储声明保留下来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The storage claims of the removed Pods are kept, ready for the same identities if the set grows again.</source>
        <translation>被删除的 Pod 的存储声明会被保留，等 StatefulSet 再次扩容时供相同的身份继续使用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Four claims remain although one Pod is left.</source>
        <translation>虽然只剩一个 Pod，四个存储声明仍然都在。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Example: Rolling update with a partition</source>
        <translation>示例：带分区的滚动更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A partition holds back the update for ordinals below it: a way to try a new version on one replica first (a canary).</source>
        <translation>分区（partition）会让序号低于它的 Pod 暂不更新：这样可以先在一个副本上试用新版本（金丝雀发布）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply three replicas</source>
        <translation>应用三个副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three nginx Pods behind a headless Service, updated with RollingUpdate.</source>
        <translation>三个位于 Headless Service 之后的 nginx Pod，使用 RollingUpdate 方式更新。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>web-0, web-1, web-2 start one after another.</source>
        <translation>web-0、web-1、web-2 依次启动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the rollout</source>
        <translation>等待发布完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rollout status waits until every replica runs the current revision.</source>
        <translation>rollout status 会一直等到每个副本都运行当前版本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All three Pods Ready.</source>
        <translation>三个 Pod 全部 Ready。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the partition to 2</source>
        <translation>把分区设为 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only Pods with an ordinal of 2 or more will be updated from now on.</source>
        <translation>从现在起，只有序号大于或等于 2 的 Pod 会被更新。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing changes yet: the template is the same.</source>
        <translation>暂时没有变化：模板还是一样的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the image</source>
        <translation>更换镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new template means a new revision. The controller replaces web-2 only.</source>
        <translation>新的模板意味着新的版本。控制器只替换 web-2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>web-2 terminates and comes back; web-0 and web-1 are left alone.</source>
        <translation>web-2 终止后重新出现；web-0 和 web-1 保持不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch the canary</source>
        <translation>观察金丝雀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web-2 runs the new image; the others keep the old one.</source>
        <translation>web-2 运行新镜像；其他 Pod 仍使用旧镜像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only web-2 was recreated.</source>
        <translation>只有 web-2 被重建了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the canary&apos;s image</source>
        <translation>检查金丝雀的镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>describe shows the image web-2 runs now.</source>
        <translation>describe 会显示 web-2 现在运行的镜像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image: registry.k8s.io/nginx-slim:0.8.</source>
        <translation>Image: registry.k8s.io/nginx-slim:0.8。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower the partition to 0</source>
        <translation>把分区降到 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Releasing the partition lets the update continue, from the highest ordinal down.</source>
        <translation>解除分区后，更新会继续进行，从最大的序号往下。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>web-1 is replaced, then web-0.</source>
        <translation>先替换 web-1，然后是 web-0。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch the rest roll</source>
        <translation>观察其余 Pod 的滚动更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One Pod at a time, each waiting for the previous one to be Ready.</source>
        <translation>一次一个 Pod，每个都要等前一个 Ready。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The update walks down the ordinals: 1, then 0.</source>
        <translation>更新沿序号向下进行：先 1，后 0。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Example: Node failure</source>
        <translation>示例：Node 故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When a node stops answering, a StatefulSet does not start a second copy of a Pod it cannot prove dead: at most one Pod per identity.</source>
        <translation>当一个 Node 失去响应时，只要无法证明某个 Pod 已经停止，StatefulSet 就不会为它启动第二个副本：每个身份最多只有一个 Pod。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply two replicas</source>
        <translation>应用两个副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two nginx Pods that prefer different nodes.</source>
        <translation>两个倾向于运行在不同 Node 上的 nginx Pod。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One Pod lands on each worker.</source>
        <translation>每个工作 Node 上各有一个 Pod。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch them start</source>
        <translation>观察它们启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait until both Pods are Running and Ready.</source>
        <translation>等两个 Pod 都处于 Running 且 Ready。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note which node holds which Pod.</source>
        <translation>记下哪个 Node 上运行着哪个 Pod。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the placement</source>
        <translation>查看分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The NODE column tells where each identity lives.</source>
        <translation>NODE 列显示了每个身份所在的位置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One Pod on node-1, the other on node-2.</source>
        <translation>一个 Pod 在 node-1 上，另一个在 node-2 上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cut the power of node-1</source>
        <translation>切断 node-1 的电源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The node stops sending heartbeats. Nothing can reach its Pods any more, but nobody knows whether they are still running.</source>
        <translation>该 Node 不再发送心跳。再也无法访问它上面的 Pod，但也没有人知道它们是否还在运行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>node-1 keeps its Pods for now.</source>
        <translation>node-1 暂时还保留着它的 Pod。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the node to be marked</source>
        <translation>等待 Node 被标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After the grace period the node&apos;s Ready condition becomes Unknown and it is tainted.</source>
        <translation>宽限期过后，该 Node 的 Ready 状况变为 Unknown，并被加上污点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>node-1 turns NotReady.</source>
        <translation>node-1 变为 NotReady。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the nodes</source>
        <translation>查看 Node</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The failed node is NotReady; the other worker is fine.</source>
        <translation>故障的 Node 处于 NotReady；另一个工作 Node 一切正常。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>node-1 NotReady.</source>
        <translation>node-1 NotReady。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the eviction</source>
        <translation>等待驱逐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After five minutes the Pods on the node are marked for deletion. Only the node&apos;s kubelet could confirm that they stopped, and it is unreachable, so they stay Terminating.</source>
        <translation>五分钟后，该 Node 上的 Pod 被标记为删除。只有该 Node 的 kubelet 才能确认它们已经停止，而它无法访问，所以这些 Pod 一直处于 Terminating。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The stranded Pod shows Terminating and is not replaced.</source>
        <translation>被困住的 Pod 显示为 Terminating，并且没有被替换。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the stranded Pod</source>
        <translation>查看被困住的 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The StatefulSet will not create a replacement with the same name while the old Pod may still run: two Pods with one identity could corrupt shared state.</source>
        <translation>只要旧 Pod 可能仍在运行，StatefulSet 就不会创建同名的替代 Pod：同一身份的两个 Pod 可能会破坏共享的状态。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Pod on node-1 stays Terminating.</source>
        <translation>node-1 上的 Pod 一直处于 Terminating。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring the node back</source>
        <translation>让 Node 恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the node returns, its kubelet finishes the deletion and the StatefulSet recreates the Pod, with the same name and a new address.</source>
        <translation>Node 恢复后，它的 kubelet 完成删除，StatefulSet 随即重建这个 Pod：名字相同，地址是新的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The old Pod disappears and its identity starts again.</source>
        <translation>旧 Pod 消失，它的身份重新启动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch the recovery</source>
        <translation>观察恢复过程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an administrator who knows the node is really gone should force-delete such a Pod instead (kubectl delete pod --force --grace-period=0).</source>
        <translation>只有确知该 Node 已经彻底失效的管理员，才应改为强制删除这样的 Pod（kubectl delete pod --force --grace-period=0）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both identities are Running again.</source>
        <translation>两个身份都重新处于 Running。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Example: A ZooKeeper-like ensemble</source>
        <translation>示例：类似 ZooKeeper 的集群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three members that must run on three different nodes (required pod anti-affinity on kubernetes.io/hostname) and find each other by name.</source>
        <translation>三个成员必须运行在三个不同的 Node 上（基于 kubernetes.io/hostname 的必需 Pod 反亲和性），并通过名字互相发现。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply the ensemble</source>
        <translation>应用集群清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A headless Service zk-hs with client, server and leader-election ports, and a StatefulSet zk of three members, at most one per node.</source>
        <translation>一个带有 client、server 和 leader-election 端口的 Headless Service zk-hs，以及一个有三个成员的 StatefulSet zk，每个 Node 上最多一个成员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>zk-0 starts on one worker.</source>
        <translation>zk-0 在一个工作 Node 上启动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch the members start</source>
        <translation>观察成员启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zk-0 and zk-1 find a node each. zk-2 cannot: the control-plane node is tainted and both workers already hold a member.</source>
        <translation>zk-0 和 zk-1 各自找到了一个 Node。zk-2 找不到：控制平面 Node 带有污点，而两个工作 Node 上都已有一个成员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>zk-2 stays Pending.</source>
        <translation>zk-2 一直处于 Pending。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask why zk-2 waits</source>
        <translation>查问 zk-2 为何等待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scheduler&apos;s event explains which rule excluded each node.</source>
        <translation>调度器的事件说明了每个 Node 是被哪条规则排除的。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FailedScheduling: anti-affinity and the control-plane taint.</source>
        <translation>FailedScheduling：反亲和性和控制平面污点。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a third worker</source>
        <translation>添加第三个工作 Node</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new node joins the cluster, labelled with its own hostname.</source>
        <translation>一个新的 Node 加入集群，并带有它自己主机名的标签。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>node-3 appears on the canvas.</source>
        <translation>node-3 出现在画布上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch zk-2 get scheduled</source>
        <translation>观察 zk-2 被调度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scheduler tries again and places zk-2 on the new node.</source>
        <translation>调度器再次尝试，把 zk-2 放到了新的 Node 上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>zk-2 moves to node-3 and starts.</source>
        <translation>zk-2 被调度到 node-3 并启动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the spread</source>
        <translation>查看分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each member has a node of its own.</source>
        <translation>每个成员都有自己的 Node。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Three Pods on three different nodes.</source>
        <translation>三个 Pod 分布在三个不同的 Node 上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve a member</source>
        <translation>解析一个成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers are configured with names such as zk-2.zk-hs, which survive restarts.</source>
        <translation>成员之间用 zk-2.zk-hs 这样的名字来配置，这些名字在重启后依然有效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address of zk-2 on node-3.</source>
        <translation>zk-2 在 node-3 上的地址。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the members by SRV</source>
        <translation>通过 SRV 列出成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An SRV query for a named port returns every ready member with its port, the way a client can discover the whole ensemble.</source>
        <translation>针对具名端口的 SRV 查询会返回每个就绪成员及其端口，客户端可以借此发现整个集群。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Three SRV records, one per member.</source>
        <translation>三条 SRV 记录，每个成员一条。</translation>
    </message>
</context>
<context>
    <name>ListenAddressParser</name>
    <message>
        <location filename="../src/net/listenaddress.cpp" line="+27"/>
        <source>&quot;%1&quot; is not [IPv6]:PORT</source>
        <translation>&quot;%1&quot; 不是 [IPv6]:PORT 的形式</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot;: write an IPv6 address in brackets, as [::1]:PORT</source>
        <translation>&quot;%1&quot;：IPv6 地址请写在方括号中，如 [::1]:PORT</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the port &quot;%1&quot; is not a number from 0 to 65535</source>
        <translation>端口 &quot;%1&quot; 不是 0 到 65535 之间的数字</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; names no address; give one (127.0.0.1:PORT) or only the port</source>
        <translation>&quot;%1&quot; 没有给出地址；请给出地址（127.0.0.1:PORT），或只给出端口</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not an IPv6 address</source>
        <translation>&quot;%1&quot; 不是 IPv6 地址</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not an IPv4 address, &quot;localhost&quot; or a bracketed IPv6 address</source>
        <translation>&quot;%1&quot; 不是 IPv4 地址、&quot;localhost&quot; 或方括号中的 IPv6 地址</translation>
    </message>
</context>
<context>
    <name>LiveScript</name>
    <message>
        <location filename="../src/net/livescript.cpp" line="+160"/>
        <source>error: &quot;%1&quot; belongs to the simulation; a live view only reads the cluster (kubectl get, describe, nslookup, dig) and, when allowed, sends changes</source>
        <translation>error: “%1”属于模拟；实时视图只读取集群（kubectl get、describe、nslookup、dig），在允许时才发送更改</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>error: &quot;%1&quot; would change cluster &quot;%2&quot; (context &quot;%3&quot;); the live view is read-only. Run with --allow-changes to send it.</source>
        <translation>error: “%1”会更改集群“%2”（上下文“%3”）；实时视图是只读的。加上 --allow-changes 运行才会发送。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>error: a live view sends only these changes: kubectl delete pod, kubectl scale statefulset, kubectl patch statefulset, kubectl cordon and uncordon</source>
        <translation>error: 实时视图只发送这些更改：kubectl delete pod、kubectl scale statefulset、kubectl patch statefulset、kubectl cordon 和 uncordon</translation>
    </message>
</context>
<context>
    <name>ManifestLoader</name>
    <message>
        <location filename="../src/core/io/manifestloader.cpp" line="+576"/>
        <source>Error from server (BadRequest): error when creating &quot;%1&quot;: %2 in version &quot;v1&quot; cannot be handled as a %2: %3</source>
        <translation>Error from server (BadRequest): error when creating &quot;%1&quot;: %2 in version &quot;v1&quot; cannot be handled as a %2: %3</translation>
    </message>
    <message>
        <location line="+850"/>
        <source>Error from server (BadRequest): error when creating &quot;%1&quot;: %2 in version &quot;v1&quot; cannot be handled as a %2: strict decoding error: %3</source>
        <translation>Error from server (BadRequest): error when creating &quot;%1&quot;: %2 in version &quot;v1&quot; cannot be handled as a %2: strict decoding error: %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The %1 &quot;%2&quot; is invalid: </source>
        <translation>The %1 &quot;%2&quot; is invalid: </translation>
    </message>
    <message>
        <location line="+60"/>
        <source>error: unable to decode &quot;%1&quot;: json: cannot unmarshal %2 into Go value of type map[string]interface {}</source>
        <translation>error: unable to decode &quot;%1&quot;: json: cannot unmarshal %2 into Go value of type map[string]interface {}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>error: error validating &quot;%1&quot;: error validating data: %2; if you choose to ignore these errors, turn validation off with --validate=false</source>
        <translation>error: error validating &quot;%1&quot;: error validating data: %2; if you choose to ignore these errors, turn validation off with --validate=false</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>error: unable to decode &quot;%1&quot;: json: cannot unmarshal %2 into Go struct field List.items of type []runtime.RawExtension</source>
        <translation>error: unable to decode &quot;%1&quot;: json: cannot unmarshal %2 into Go struct field List.items of type []runtime.RawExtension</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>error: resource mapping not found for name: &quot;%1&quot; namespace: &quot;%2&quot; from &quot;%3&quot;: no matches for kind &quot;%4&quot; in version &quot;%5&quot;</source>
        <translation>error: resource mapping not found for name: &quot;%1&quot; namespace: &quot;%2&quot; from &quot;%3&quot;: no matches for kind &quot;%4&quot; in version &quot;%5&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
ensure CRDs are installed first</source>
        <translation>
ensure CRDs are installed first</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Error from server: error when creating &quot;%1&quot;: etcdserver: request is too large</source>
        <translation>Error from server: error when creating &quot;%1&quot;: etcdserver: request is too large</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>error: error parsing %1: unexpected EOF</source>
        <translation>error: error parsing %1: unexpected EOF</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>error: error parsing %1: json: offset %2: %3</source>
        <translation>error: error parsing %1: json: offset %2: %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>error: error parsing %1: YAML nested more than %2 levels deep: Ordinal&apos;s parser (yaml-cpp) reads at most %2 levels, kubectl&apos;s %3</source>
        <translation>错误：解析 %1 出错：YAML 嵌套超过 %2 层：Ordinal 的解析器（yaml-cpp）最多读取 %2 层，kubectl 最多 %3 层</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>line %1: </source>
        <translation>line %1: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>error: error parsing %1: error converting YAML to JSON: yaml: %2%3</source>
        <translation>error: error parsing %1: error converting YAML to JSON: yaml: %2%3</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>error: %1 holds more than %2 objects, the most Ordinal applies from one file</source>
        <translation>错误：%1 包含超过 %2 个对象，这是 Ordinal 从一个文件中应用的上限</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>error: %1 is too large: %2 bytes, and Ordinal reads at most %3 bytes (3 MiB, the API server&apos;s request limit) from one file</source>
        <translation>错误：%1 太大：%2 字节，而 Ordinal 从一个文件最多读取 %3 字节（3 MiB，即 API 服务器的请求上限）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>error: open %1: no such file or directory</source>
        <translation>error: open %1: no such file or directory</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>error: read %1: is a directory</source>
        <translation>error: read %1: is a directory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error: %1 is not a regular file (a device, FIFO or socket); Ordinal reads manifests from regular files only</source>
        <translation>错误：%1 不是普通文件（而是设备、FIFO 或套接字）；Ordinal 只从普通文件读取清单</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>error: read %1: %2</source>
        <translation>error: read %1: %2</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>error: %1: the file name is not valid UTF-8; rename the file</source>
        <translation>错误：%1：文件名不是有效的 UTF-8；请重命名该文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>error: error reading [%1]: recognized file extensions are [.json .yaml .yml]</source>
        <translation>error: error reading [%1]: recognized file extensions are [.json .yaml .yml]</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>error: %1 holds more than %2 objects, the most Ordinal applies at once</source>
        <translation>错误：%1 包含超过 %2 个对象，这是 Ordinal 一次应用的上限</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>error: no objects passed to apply</source>
        <translation>error: no objects passed to apply</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>error: the path &quot;%1&quot; does not exist</source>
        <translation>error: the path &quot;%1&quot; does not exist</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>error: open %1: %2</source>
        <translation>error: open %1: %2</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../src/gui/canvas/nodeitem.cpp" line="+387"/>
        <source>Waiting for a node</source>
        <translation>等待 Node</translation>
    </message>
    <message>
        <location line="-334"/>
        <location line="+379"/>
        <source>control-plane</source>
        <translation>control-plane</translation>
    </message>
    <message>
        <location line="-381"/>
        <source>Node %1 (%2)
pod CIDR %3
Ready: %4
pods %5 of %6</source>
        <translation>Node %1（%2）
Pod CIDR %3
Ready：%4
Pod %5 / %6</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+379"/>
        <source>worker</source>
        <translation>工作节点</translation>
    </message>
    <message>
        <location line="-373"/>
        <source>heartbeats missing: the node stopped reporting; it is marked NotReady when the grace period ends</source>
        <translation>心跳缺失：该节点已停止上报；宽限期结束后它将被标记为 NotReady</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cordoned: no new pods are scheduled here</source>
        <translation>已封锁（cordoned）：不会再有新的 Pod 调度到这里</translation>
    </message>
    <message>
        <location line="+359"/>
        <source>heartbeats missing</source>
        <translation>心跳缺失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NotReady (no heartbeat)</source>
        <translation>NotReady（无心跳）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NotReady</source>
        <translation>NotReady</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SchedulingDisabled</source>
        <translation>SchedulingDisabled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tainted</source>
        <translation>有污点</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>pod CIDR %1</source>
        <translation>Pod CIDR %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cpu %1m of %2m</source>
        <translation>CPU %1m / %2m</translation>
    </message>
    <message>
        <location line="-379"/>
        <source>taint %1</source>
        <translation>污点 %1</translation>
    </message>
    <message>
        <location line="+385"/>
        <source>%1/%2 pods</source>
        <translation>%1/%2 个 Pod</translation>
    </message>
</context>
<context>
    <name>NodeLifecycleController</name>
    <message>
        <location filename="../src/core/controllers/nodelifecyclecontroller.cpp" line="+32"/>
        <source>%1 stopped sending heartbeats. It is marked NotReady only after %2 s (node-monitor-grace-period); until then its pods still look healthy.</source>
        <translation>%1 停止发送心跳。要到 %2 秒后（node-monitor-grace-period）它才会被标记为 NotReady；在此之前它上面的 Pod 看起来仍然健康。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 is back: Ready again, the unreachable taint is removed, and its kubelet finishes what was pending (Terminating pods go away).</source>
        <translation>%1 恢复了：重新变为 Ready，unreachable 污点被移除，它的 kubelet 完成未完成的工作（Terminating 的 Pod 随之消失）。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 is NotReady (no heartbeat for %2 s): its pods are marked not Ready and leave the Service endpoints; they are evicted after their tolerationSeconds (%3 s).</source>
        <translation>%1 处于 NotReady（%2 秒没有心跳）：它上面的 Pod 被标记为未就绪并离开 Service 的端点；在 tolerationSeconds（%3 秒）之后它们会被驱逐。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 evicted from %2 (unreachable for longer than its toleration). It is deleted gracefully, but nobody on %2 can confirm, so it stays Terminating. Its replacement waits: force delete it, delete the Node, taint it out-of-service, or bring the node back.</source>
        <translation>%1 被从 %2 驱逐（无法访问的时间超过了它的容忍时长）。它被优雅删除，但 %2 上没有谁能确认，所以它一直处于 Terminating。它的替代者在等待：强制删除它、删除该 Node、给 Node 加上 out-of-service 污点，或者让 Node 恢复。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 force-deleted: its Node %2 no longer exists.</source>
        <translation>%1 已被强制删除：它的 Node %2 已不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 force-deleted: %2 is out of service (non-graceful node shutdown).</source>
        <translation>%1 已被强制删除：%2 已停止服务（非优雅的 Node 关闭）。</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../src/core/sim/operations.cpp" line="+127"/>
        <source>the request must hold exactly one %1</source>
        <translation>the request must hold exactly one %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the object&apos;s kind %1 does not match the resource %2</source>
        <translation>the object&apos;s kind %1 does not match the resource %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the namespace of the provided object does not match the namespace sent on the request</source>
        <translation>the namespace of the provided object does not match the namespace sent on the request</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>the name of the object (%1) does not match the name on the URL (%2)</source>
        <translation>the name of the object (%1) does not match the name on the URL (%2)</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Ordinal does not simulate deleting %1 yet</source>
        <translation>Ordinal does not simulate deleting %1 yet</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../forms/preferencesdialog.ui" line="+6"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simulation</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Default &amp;speed:</source>
        <translation>默认速度(&amp;S)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Speed in &amp;presenter mode:</source>
        <translation>演示模式下的速度(&amp;P)：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Animate transitions</source>
        <translation>动画显示状态变化(&amp;A)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Auto&amp;save every:</source>
        <translation>自动保存间隔(&amp;S)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <location filename="../src/gui/history/scenario.cpp" line="+70"/>
        <source>not a scenario file: %1 at offset %2</source>
        <translation>不是场景文件：%1（偏移量 %2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not a scenario file (format is not &quot;%1&quot;)</source>
        <translation>不是场景文件（格式不是“%1”）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the scenario was written by a newer Ordinal (version %1)</source>
        <translation>该场景由更新版本的 Ordinal（版本 %1）写入</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step %1 has neither &quot;apply&quot; nor &quot;command&quot;</source>
        <translation>第 %1 步既没有“apply”也没有“command”</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+18"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Scheduler</name>
    <message>
        <location filename="../src/core/controllers/scheduler.cpp" line="+505"/>
        <source>%1 stays Pending: no node can take it (%2).</source>
        <translation>%1 一直处于 Pending：没有 Node 能接纳它（%2）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 → %2: it has the fewest pods of %3 (%4), then the fewest pods overall (%5).</source>
        <translation>%1 → %2：它上面属于 %3 的 Pod 最少（%4），其次 Pod 总数最少（%5）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 → %2: the least loaded node that fits (%3 pods).</source>
        <translation>%1 → %2：满足条件且负载最低的 Node（%3 个 Pod）。</translation>
    </message>
</context>
<context>
    <name>ServiceItem</name>
    <message>
        <location filename="../src/gui/canvas/serviceitem.cpp" line="+130"/>
        <source>headless (clusterIP: None)</source>
        <translation>headless（clusterIP: None）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clusterIP %1</source>
        <translation>clusterIP %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>selector %1</source>
        <translation>选择器 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>publishes %n ready pod(s) in DNS</source>
        <translation>
            <numerusform>在 DNS 中发布 %n 个就绪的 Pod</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n not ready</source>
        <translation>
            <numerusform>，%n 个未就绪</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShellLine</name>
    <message>
        <location filename="../src/core/console/shellline.cpp" line="+309"/>
        <source>ordinal: background jobs (&amp;) are not available in the console; run the command on its own</source>
        <translation>ordinal：控制台不支持后台作业（&amp;）；请直接运行该命令</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>ordinal: here-documents (&lt;&lt;) need more than one line; the console runs one line at a time</source>
        <translation>ordinal：here-document（&lt;&lt;）需要多行输入，而控制台一次只运行一行</translation>
    </message>
    <message>
        <location line="+608"/>
        <source>ordinal: loop stopped after %1 rounds: the console runs one line to its end before it shows anything
</source>
        <translation>ordinal：循环在 %1 轮后停止：控制台要把一行运行完才会显示输出
</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>ordinal: %1: the console has no files; it shows output instead of saving it
</source>
        <translation>ordinal：%1：控制台没有文件；输出会直接显示，而不是保存
</translation>
    </message>
    <message>
        <location line="+263"/>
        <source>ordinal: %1 needs the application that runs in %2, and Ordinal simulates the cluster, not the applications: pods, their order, names, addresses and DNS are real here, the programs inside the containers are not. Try hostname, cat /etc/hosts, cat /etc/resolv.conf or nslookup in the pod instead.
</source>
        <translation>ordinal：%1 需要 %2 中运行的应用程序，而 Ordinal 模拟的是集群，不是应用：Pod、它们的顺序、名字、地址和 DNS 在这里都是真实的，容器里的程序则不是。请改在 Pod 中试试 hostname、cat /etc/hosts、cat /etc/resolv.conf 或 nslookup。
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the container</source>
        <translation>该容器</translation>
    </message>
</context>
<context>
    <name>Simulation</name>
    <message>
        <location filename="../src/core/sim/simulation.cpp" line="+662"/>
        <source>StatefulSet %1 deleted with --cascade=orphan: its pods keep running without an owner; a new StatefulSet with the same selector adopts them.</source>
        <translation>StatefulSet %1 以 --cascade=orphan 方式删除：它的 Pod 在没有属主的情况下继续运行；具有相同选择器的新 StatefulSet 会收养它们。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>StatefulSet %1 deleted: the garbage collector deletes all its pods at once, in no particular order. Scale to 0 first for an ordered shutdown.</source>
        <translation>StatefulSet %1 已删除：垃圾回收器会一次性删除它的所有 Pod，没有特定顺序。若要有序关闭，请先缩容到 0。</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>%1&apos;s readiness probe passes again: it becomes Ready and returns to the Service endpoints and DNS.</source>
        <translation>%1 的就绪探针再次通过：它变为 Ready，并重新回到 Service 的端点和 DNS 中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1&apos;s readiness probe fails: it stays Running but not Ready, leaves the Service endpoints (its DNS name stops resolving) and, with OrderedReady, blocks the StatefulSet.</source>
        <translation>%1 的就绪探针失败：它保持 Running 但不再 Ready，离开 Service 的端点（它的 DNS 名字不再能解析），并且在 OrderedReady 下会阻塞 StatefulSet。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pod/%1 readiness probe now %2</source>
        <translation>pod/%1 的就绪探针现在%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passing</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failing</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>error: pod %1 has no running container</source>
        <translation>错误：Pod %1 没有正在运行的容器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pod/%1 container exited with code 1</source>
        <translation>pod/%1 的容器以退出码 1 退出</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>error: pod %1 has no init containers</source>
        <translation>错误：Pod %1 没有 init 容器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pod/%1 init containers now exit with code 1</source>
        <translation>pod/%1 的 init 容器现在以退出码 1 结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pod/%1 init containers now complete</source>
        <translation>pod/%1 的 init 容器现在正常完成</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>pod/%1 phase is now Failed</source>
        <translation>pod/%1 的阶段现在为 Failed</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>pod/%1 is not running a command that can end</source>
        <translation>pod/%1 没有正在运行、可以结束的命令</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pod/%1 completed with exit code %2</source>
        <translation>pod/%1 已完成，退出码为 %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>node/%1 is up</source>
        <translation>node/%1 已恢复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>node/%1 is down</source>
        <translation>node/%1 已宕机</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>pulling %1 now takes %2 ms on a node that lacks it</source>
        <translation>在缺少该镜像的 Node 上，拉取 %1 现在需要 %2 毫秒</translation>
    </message>
    <message>
        <location filename="../src/core/sim/observe.cpp" line="+41"/>
        <source>%1 is gone; StatefulSet %2 makes it again under the same name</source>
        <translation>%1 消失了；StatefulSet %2 会以同样的名字重新创建它</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is back with IP %2 (it had %3): the name and its DNS record stay, the address changed</source>
        <translation>%1 回来了，IP 为 %2（之前是 %3）：名字和它的 DNS 记录不变，地址变了</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is Ready</source>
        <translation>%1 已就绪（Ready）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 waits: %2 is not Ready (OrderedReady)</source>
        <translation>%1 在等待：%2 尚未就绪（OrderedReady）</translation>
    </message>
</context>
<context>
    <name>StatefulSetController</name>
    <message>
        <location filename="../src/core/controllers/statefulsetcontroller.cpp" line="+215"/>
        <source>Template matches revision %1 again: it is reused as revision %2 (rollback, no new ControllerRevision).</source>
        <translation>模板再次与版本 %1 一致：它被作为版本 %2 重新使用（回滚，不创建新的 ControllerRevision）。</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>%1 adopted: its name and labels match the StatefulSet.</source>
        <translation>%1 已被收养：它的名字和标签与该 StatefulSet 匹配。</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>%1 not created: the API server rejects the pod the template makes: %2</source>
        <translation>%1 未创建：API 服务器拒绝了由模板生成的 Pod：%2</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1 is %2: it is deleted and will be created again with the same name.</source>
        <translation>%1 处于 %2：它会被删除，并以相同的名字重新创建。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is being replaced</source>
        <translation>%1 正在被替换</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 not created: the simulation holds %2 objects, its budget (see docs/reliability.md).</source>
        <translation>%1 未创建：模拟中已有 %2 个对象，达到其上限（见 docs/reliability.md）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 created: it is the lowest missing ordinal.</source>
        <translation>%1 已创建：它是缺少的最小序号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 created: %2 is Running and Ready (OrderedReady).</source>
        <translation>%1 已创建：%2 处于 Running 且 Ready（OrderedReady）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 created at once: podManagementPolicy is Parallel.</source>
        <translation>%1 立即创建：podManagementPolicy 为 Parallel。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is Terminating</source>
        <translation>%1 处于 Terminating</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not Running and Ready</source>
        <translation>%1 不是 Running 且 Ready</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has not been Ready for minReadySeconds (%2 s)</source>
        <translation>%1 处于 Ready 的时间还不到 minReadySeconds（%2 秒）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 not created: %2 (OrderedReady creates one pod at a time, in ordinal order).</source>
        <translation>%1 未创建：%2（OrderedReady 按序号顺序一次只创建一个 Pod）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 not deleted yet: %2 (scale-down waits for every pod to be Running and Ready).</source>
        <translation>%1 暂未删除：%2（缩容要等每个 Pod 都处于 Running 且 Ready）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 not deleted yet: %2 is still Terminating (scale-down removes one pod at a time and waits until it is gone).</source>
        <translation>%1 暂未删除：%2 仍处于 Terminating（缩容一次只删除一个 Pod，并等待它消失）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 not deleted: %2 is not Running and Ready, and scale-down halts behind an unhealthy pod.</source>
        <translation>%1 未删除：%2 不是 Running 且 Ready，缩容会停在不健康的 Pod 之后。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 deleted: scale down, highest ordinal first.</source>
        <translation>%1 已删除：缩容，从最大序号开始。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 deleted: scale down, Parallel deletes all at once.</source>
        <translation>%1 已删除：缩容，Parallel 会一次性全部删除。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 deleted to update it to revision %2 (RollingUpdate: highest ordinal first, one at a time).</source>
        <translation>%1 已删除，以便更新到版本 %2（RollingUpdate：从最大序号开始，一次一个）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rolling update waits: %1 must be Running and Ready at the new revision before %2 is updated.</source>
        <translation>滚动更新在等待：%1 必须以新版本处于 Running 且 Ready，之后才会更新 %2。</translation>
    </message>
</context>
<context>
    <name>StatefulSetItem</name>
    <message>
        <location filename="../src/gui/canvas/serviceitem.cpp" line="+50"/>
        <source>ready %1/%2 · %3</source>
        <translation>就绪 %1/%2 · %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>RollingUpdate, partition %1</source>
        <translation>RollingUpdate，分区 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · updated %2/%3</source>
        <translation>%1 · 已更新 %2/%3</translation>
    </message>
</context>
<context>
    <name>WaitingItem</name>
    <message>
        <location filename="../src/gui/canvas/waitingitem.cpp" line="+22"/>
        <source>%1 is not created yet.
%2</source>
        <translation>%1 尚未创建。
%2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>ordinal::core::ClusterDns</name>
    <message>
        <location filename="../src/core/dns/clusterdns.cpp" line="+267"/>
        <source>%1 exists, but has no %2 record</source>
        <translation>%1 存在，但没有 %2 记录</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 is outside the cluster zone %2; Ordinal&apos;s cluster DNS does not forward queries to an upstream resolver</source>
        <translation>%1 不在集群区域 %2 内；Ordinal 的集群 DNS 不会把查询转发给上游解析器</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>zone transfers are refused (CoreDNS serves them only with the transfer plugin, which kubeadm does not configure)</source>
        <translation>区域传送被拒绝（CoreDNS 只有启用 transfer 插件才提供区域传送，而 kubeadm 没有配置它）</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>only the zone apex %1 has an SOA record</source>
        <translation>只有区域顶点 %1 有 SOA 记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a cluster name: below %2, Service names end in .svc.%2 and Pod names in .pod.%2</source>
        <translation>%1 不是集群中的名字：在 %2 之下，Service 名字以 .svc.%2 结尾，Pod 名字以 .pod.%2 结尾</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>there is no namespace %1</source>
        <translation>不存在命名空间 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a Pod name: Pod records have the form &lt;IP with dashes&gt;.&lt;namespace&gt;.pod.%2, e.g. 10-244-1-7.%3.pod.%2</source>
        <translation>%1 不是 Pod 名字：Pod 记录的形式为 &lt;用连字符分隔的 IP&gt;.&lt;命名空间&gt;.pod.%2，例如 10-244-1-7.%3.pod.%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 has too many labels: a Service name is at most &lt;endpoint&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.%2 or _&lt;port&gt;._&lt;protocol&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.%2</source>
        <translation>%1 的标签太多：Service 名字最多为 &lt;端点&gt;.&lt;service&gt;.&lt;命名空间&gt;.svc.%2 或 _&lt;端口&gt;._&lt;协议&gt;.&lt;service&gt;.&lt;命名空间&gt;.svc.%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is an ExternalName Service (an alias for %2); there are no names below it</source>
        <translation>%1 是一个 ExternalName Service（%2 的别名）；它之下没有名字</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ExternalName Service %1 points at %2, which is not a host name, so it has no record</source>
        <translation>ExternalName Service %1 指向 %2，而它不是主机名，所以没有记录</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is outside the cluster; a real cluster would ask the upstream resolver for its address</source>
        <translation>%1 在集群之外；真实的集群会向上游解析器查询它的地址</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Service %1 has no cluster IP yet</source>
        <translation>Service %1 还没有集群 IP</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Service %1 has no port named %2 with protocol %3</source>
        <translation>Service %1 没有名为 %2、协议为 %3 的端口</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 is not the reverse name of a single address</source>
        <translation>%1 不是单个地址的反向名字</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no Service and no ready endpoint has the IP %1 (a real cluster would pass this question on to the upstream resolver)</source>
        <translation>没有任何 Service 或就绪端点的 IP 是 %1（真实的集群会把这个查询交给上游解析器）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>StatefulSet %1&apos;s serviceName is %2 but the Service is called %3</source>
        <translation>StatefulSet %1 的 serviceName 是 %2，但 Service 的名字是 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>StatefulSet %1&apos;s serviceName is %2 but there is no Service %2 in namespace %3</source>
        <translation>StatefulSet %1 的 serviceName 是 %2，但命名空间 %3 中没有 Service %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no Service named %1 in namespace %2</source>
        <translation>命名空间 %2 中没有名为 %1 的 Service</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>headless Service %1 has no selector and no endpoints, so its name has no records</source>
        <translation>Headless Service %1 既没有选择器也没有端点，所以它的名字没有记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>headless Service %1 has no ready endpoints (not Ready: %2), so its name does not exist</source>
        <translation>Headless Service %1 没有就绪的端点（未就绪：%2），所以它的名字不存在</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>headless Service %1 has no ready endpoints, so its name does not exist</source>
        <translation>Headless Service %1 没有就绪的端点，所以它的名字不存在</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+37"/>
        <source>%1 is not Ready, so its record is not published</source>
        <translation>%1 不是 Ready，所以它的记录没有发布</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>the endpoint with IP %1 is named %2 in Service %3, not by its IP</source>
        <translation>IP 为 %1 的端点在 Service %3 中的名字是 %2，而不是它的 IP</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is terminating, so it was removed from the endpoints of Service %2</source>
        <translation>%1 正在终止，所以已从 Service %2 的端点中移除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has finished (phase Failed or Succeeded), so it is not an endpoint of Service %2</source>
        <translation>%1 已经结束（阶段为 Failed 或 Succeeded），所以不是 Service %2 的端点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no IP address yet, so it has no record</source>
        <translation>%1 还没有 IP 地址，所以没有记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Service %1 does not select Pod %2, so %2 has no name under it</source>
        <translation>Service %1 没有选中 Pod %2，所以 %2 在它之下没有名字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pod %1 has hostname &quot;%2&quot; and subdomain &quot;%3&quot;; a name under Service %4 needs hostname set and subdomain %4</source>
        <translation>Pod %1 的 hostname 为“%2”，subdomain 为“%3”；要在 Service %4 之下拥有名字，需要设置 hostname 并把 subdomain 设为 %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Service %1 has no ready endpoint named %2</source>
        <translation>Service %1 没有名为 %2 的就绪端点</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::AboutDialog</name>
    <message>
        <location filename="../src/gui/dialogs/aboutdialog.cpp" line="+30"/>
        <source>Version %1 · Qt %2</source>
        <translation>版本 %1 · Qt %2</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::ActionHandler</name>
    <message>
        <location filename="../src/gui/window/actionhandler.cpp" line="+152"/>
        <source>&amp;New Cluster</source>
        <translation>新建集群(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start again with an empty cluster</source>
        <translation>从一个空集群重新开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apply manifests (YAML, JSON, folders) or open a scenario</source>
        <translation>应用清单（YAML、JSON、文件夹）或打开一个场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start again from the files opened last</source>
        <translation>从上次打开的文件重新开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Scenario…</source>
        <translation>保存场景(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the manifests and every action with its time, to replay later</source>
        <translation>保存清单以及每个操作及其时间，以便日后重放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canvas as &amp;PNG…</source>
        <translation>画布导出为 &amp;PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canvas as &amp;SVG…</source>
        <translation>画布导出为 &amp;SVG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Frame Sequence…</source>
        <translation>帧序列(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History…</source>
        <translation>历史(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything done from the console, lessons, the window and the Kubernetes API, to undo and redo</source>
        <translation>在控制台、课程、窗口和 Kubernetes API 中做过的一切，可撤销和重做</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Presenter Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full screen, large type, high contrast, slower (F11 or Esc to leave)</source>
        <translation>全屏、大字号、高对比度、较慢的速度（按 F11 或 Esc 退出）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave Presenter Mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presenter &amp;Strip</source>
        <translation>演示信息条(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In presenter mode: the lesson step and the DNS answer in large type under the canvas (F9)</source>
        <translation>演示模式下：在画布下方以大字显示当前课程步骤和 DNS 应答（F9）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+65"/>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Run virtual time (pause to stop it)</source>
        <translation>运行虚拟时间（暂停即可停止）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Step to Next Event</source>
        <translation>步进到下一个事件(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Advance to the next scheduled change</source>
        <translation>前进到下一个计划中的变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go &amp;Live</source>
        <translation>回到当前(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to the present of the simulation</source>
        <translation>回到模拟的当前时刻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Faster</source>
        <translation>加快(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;lower</source>
        <translation>减慢(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete Pod</source>
        <translation>删除 Pod(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kubectl delete pod: graceful, the controller recreates it</source>
        <translation>kubectl delete pod：优雅删除，控制器会重建它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Force Delete Pod</source>
        <translation>强制删除 Pod(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kubectl delete pod --grace-period=0 --force</source>
        <translation>kubectl delete pod --grace-period=0 --force</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make Pod &amp;Unready</source>
        <translation>使 Pod 未就绪(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Its readiness probe starts failing</source>
        <translation>它的就绪探针开始失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make Pod &amp;Ready</source>
        <translation>使 Pod 就绪(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Its readiness probe passes again</source>
        <translation>它的就绪探针再次通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Crash Pod</source>
        <translation>使 Pod 崩溃(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Its container exits with code 1</source>
        <translation>它的容器以退出码 1 退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scale StatefulSet…</source>
        <translation>扩缩 StatefulSet(&amp;S)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kubectl scale statefulset --replicas=N</source>
        <translation>kubectl scale statefulset --replicas=N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;Image…</source>
        <translation>更换镜像(&amp;I)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kubectl set image: a rolling update</source>
        <translation>kubectl set image：一次滚动更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;Partition…</source>
        <translation>设置分区(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only pods with an ordinal at or above the partition are updated</source>
        <translation>只有序号大于或等于分区值的 Pod 会被更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node &amp;Down</source>
        <translation>Node 宕机(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The node stops heart-beating (power loss)</source>
        <translation>该 Node 停止发送心跳（断电）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node &amp;Up</source>
        <translation>Node 恢复(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The node comes back</source>
        <translation>该 Node 恢复运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ordon Node</source>
        <translation>封锁 Node(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No new pods are scheduled on the node</source>
        <translation>不再向该 Node 调度新的 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U&amp;ncordon Node</source>
        <translation>解除封锁 Node(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;rain Node</source>
        <translation>排空 Node(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cordon the node and evict its pods</source>
        <translation>封锁该 Node 并驱逐其上的 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Ordinal</source>
        <translation>关于 Ordinal(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the guided lesson and load its manifests</source>
        <translation>显示引导课程并加载其清单</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause virtual time</source>
        <translation>暂停虚拟时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run virtual time</source>
        <translation>运行虚拟时间</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::ApiServing</name>
    <message>
        <location filename="../src/gui/apiserving.cpp" line="+38"/>
        <source>Serve &amp;Kubernetes API</source>
        <translation>提供 Kubernetes API(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let kubectl and Kubernetes client libraries on this machine drive the simulated cluster</source>
        <translation>让本机上的 kubectl 和 Kubernetes 客户端库操作模拟集群</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+10"/>
        <source>Serve Kubernetes API</source>
        <translation>提供 Kubernetes API</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The Kubernetes API could not be served: %1</source>
        <translation>无法提供 Kubernetes API：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The simulated cluster is served at %1.</source>
        <translation>模拟集群的 Kubernetes API 地址：%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In a terminal on this machine, run:

%1
kubectl get pods -w

kubectl and client libraries then drive this cluster; the canvas shows what they do. Only this machine can connect, and only with the token in that file.</source>
        <translation>在本机的终端中运行：

%1
kubectl get pods -w

之后 kubectl 和客户端库就会操作这个集群，画布会显示它们所做的事。只有本机可以连接，并且必须使用该文件中的令牌。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Copy Command</source>
        <translation>复制命令(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::CanvasExport</name>
    <message>
        <location filename="../src/gui/window/canvasexport.cpp" line="+77"/>
        <source>The image could not be written to %1.</source>
        <translation>无法将图像写入 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+26"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Ordinal canvas at %1</source>
        <translation>Ordinal 画布（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes, pods and services of the simulated cluster</source>
        <translation>模拟集群中的 Node、Pod 和 Service</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>The SVG could not be written to %1.</source>
        <translation>无法将 SVG 写入 %1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Invalid range or folder.</source>
        <translation>范围或文件夹无效。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting frames…</source>
        <translation>正在导出帧…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Cancelled after %n frame(s).</source>
        <translation>
            <numerusform>已在 %n 帧后取消。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Canvas as PNG</source>
        <translation>将画布导出为 PNG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export Canvas as SVG</source>
        <translation>将画布导出为 SVG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 绘图 (*.svg)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Frames written to %1</source>
        <translation>帧已写入 %1</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::CanvasView</name>
    <message>
        <location filename="../src/gui/canvas/canvasview.cpp" line="+82"/>
        <source>Drop a StatefulSet and Service YAML here, or press Start Lesson in the Lesson panel to follow the lesson.</source>
        <translation>把 StatefulSet 和 Service 的 YAML 拖放到这里，或在课程面板中按“开始课程”跟随课程学习。</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::ClusterActions</name>
    <message>
        <location filename="../src/gui/window/clusteractions.cpp" line="+147"/>
        <source>Force delete %1</source>
        <translation>强制删除 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Make %1 ready</source>
        <translation>使 %1 就绪</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make %1 unready</source>
        <translation>使 %1 未就绪</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Crash %1</source>
        <translation>使 %1 崩溃</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scale %1 to %2</source>
        <translation>将 %1 扩缩到 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Set image of %1 to %2</source>
        <translation>将 %1 的镜像设为 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Set partition of %1 to %2</source>
        <translation>将 %1 的分区设为 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bring %1 up</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take %1 down</source>
        <translation>使 %1 宕机</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cordon %1</source>
        <translation>封锁 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncordon %1</source>
        <translation>解除封锁 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Drain %1</source>
        <translation>排空 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scale StatefulSet</source>
        <translation>扩缩 StatefulSet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replicas of %1:</source>
        <translation>%1 的副本数：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Change Image</source>
        <translation>更换镜像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image of container %1 in %2:</source>
        <translation>%2 中容器 %1 的镜像：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Set Partition</source>
        <translation>设置分区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update only the pods of %1 with an ordinal ≥</source>
        <translation>只更新 %1 中序号 ≥ 此值的 Pod</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::ConnectDialog</name>
    <message>
        <location filename="../src/gui/live/connectdialog.cpp" line="+21"/>
        <source>Connect to Cluster</source>
        <translation>连接到集群</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ordinal watches a real cluster and draws it as it draws the simulation. It only reads, unless you allow changes.</source>
        <translation>Ordinal 会观察一个真实集群，并像绘制模拟一样绘制它。除非你允许更改，否则它只读取。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kubeconfig:</source>
        <translation>Kubeconfig：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all namespaces</source>
        <translation>所有命名空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Namespace:</source>
        <translation>命名空间：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow changes (each one asks first, naming the cluster)</source>
        <translation>允许更改（每次更改前都会先询问，并说明是哪个集群）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kubeconfig</source>
        <translation>Kubeconfig</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::ConsolePanel</name>
    <message>
        <location filename="../src/gui/panels/consolepanel.cpp" line="+67"/>
        <source># a new cluster was started</source>
        <translation># 已启动一个新集群</translation>
    </message>
    <message>
        <location line="+4"/>
        <source># history branched at %1: the later future was discarded</source>
        <translation># 历史在 %1 处分叉：之后的未来已被丢弃</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Watching: rows appear as the cluster changes. Press Ctrl+C to stop.</source>
        <translation>正在监视：集群每次变化都会出现新的一行。按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Type a command, e.g. kubectl get pods -w (Tab completes, Up/Down for history)</source>
        <translation>输入命令，例如 kubectl get pods -w（Tab 补全，上下方向键翻阅历史）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Console transcript</source>
        <translation>控制台记录</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::DnsHistoryModel</name>
    <message>
        <location filename="../src/gui/panels/dnshistorymodel.cpp" line="+104"/>
        <source>From</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::DnsPanel</name>
    <message>
        <location filename="../src/gui/panels/dnspanel.cpp" line="+432"/>
        <source>a busybox Pod in namespace %1</source>
        <translation>命名空间 %1 中的一个 busybox Pod</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pod %1 (namespace %2)</source>
        <translation>Pod %1（命名空间 %2）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Type a name, such as web-0.nginx, to ask the cluster DNS.</source>
        <translation>输入一个名字（例如 web-0.nginx）来查询集群 DNS。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at %1</source>
        <translation>在 %1 时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 → %3 (%4)</source>
        <translation>%1 %2 → %3（%4）</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 %2: %n record(s) (%3)</source>
        <translation>
            <numerusform>%1 %2：%n 条记录（%3）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2: %3 (%4)</source>
        <translation>%1 %2：%3（%4）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>The cluster DNS is not being served on this machine. To ask it with real tools, run: ordinal --headless --serve-dns %1</source>
        <translation>本机当前没有提供集群 DNS 服务。若要用真实工具查询，请运行：ordinal --headless --serve-dns %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cluster DNS is served at %1, port %2 (UDP and TCP).</source>
        <translation>集群 DNS 正在 %1 的 %2 端口上提供服务（UDP 和 TCP）。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Name:</source>
        <translation>名字(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked &amp;from:</source>
        <translation>查询来源(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web-0.nginx</source>
        <translation>web-0.nginx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A name as a Pod would look it up; short names go through the Pod&apos;s DNS search list</source>
        <translation>Pod 查询时使用的名字；短名字会依次套用 Pod 的 DNS 搜索列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record type to ask for</source>
        <translation>要查询的记录类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Pod whose resolver asks the question (its namespace decides the search list)</source>
        <translation>由哪个 Pod 的解析器发出查询（它的命名空间决定搜索列表）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answers over time</source>
        <translation>应答随时间的变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each row is a moment the answer changed; click to go there</source>
        <translation>每一行是应答发生变化的时刻；点击即可跳转到该时刻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live DNS server</source>
        <translation>实时 DNS 服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the dig command to the clipboard</source>
        <translation>将 dig 命令复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::DnsRecordsModel</name>
    <message>
        <location filename="../src/gui/panels/dnsrecordsmodel.cpp" line="+63"/>
        <source>answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>authority</source>
        <translation>授权</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>additional</source>
        <translation>附加</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Section</source>
        <translation>区段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名字</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::EventsModel</name>
    <message>
        <location filename="../src/gui/panels/eventsmodel.cpp" line="+40"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::EventsPanel</name>
    <message numerus="yes">
        <location filename="../src/gui/panels/eventspanel.cpp" line="+138"/>
        <location line="+10"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Filter events (name, status, reason)…</source>
        <translation>筛选事件（名字、状态、原因）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the controllers&apos; decisions, in plain language, between the pod rows</source>
        <translation>在 Pod 行之间用通俗的语言显示控制器的决策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a row to select its Pod and jump to that moment</source>
        <translation>点击一行即可选中对应的 Pod 并跳转到那一时刻</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::ExportDialog</name>
    <message>
        <location filename="../src/gui/dialogs/exportdialog.cpp" line="+27"/>
        <source>Export Frames To</source>
        <translation>导出帧到</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>“From” is not a duration (e.g. 0s, 1m30s).</source>
        <translation>“从”不是一个时长（例如 0s、1m30s）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“To” is not a duration (e.g. 45s, 2m).</source>
        <translation>“到”不是一个时长（例如 45s、2m）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“To” is before “From”.</source>
        <translation>“到”早于“从”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“To” is after the present (%1).</source>
        <translation>“到”晚于当前时刻（%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“Every” must be a positive duration.</source>
        <translation>“间隔”必须是正的时长。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an existing folder.</source>
        <translation>请选择一个已存在的文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is %1 frames; choose a longer interval.</source>
        <translation>这将是 %1 帧；请选择更长的间隔。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n frame(s) will be written.</source>
        <translation>
            <numerusform>将写出 %n 帧。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ordinal::gui::FileActions</name>
    <message>
        <location filename="../src/gui/window/fileactions.cpp" line="+63"/>
        <source>error: the path &quot;%1&quot; does not exist</source>
        <translation>error: the path &quot;%1&quot; does not exist</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>error: no manifests (.yaml, .yml, .json) in &quot;%1&quot;</source>
        <translation>错误：“%1”中没有清单（.yaml、.yml、.json）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>error: cannot read &quot;%1&quot;: %2</source>
        <translation>错误：无法读取“%1”：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing was applied; the cluster was started again and is empty.</source>
        <translation>没有应用任何内容；集群已重新开始，现在是空的。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was applied; the cluster is unchanged.</source>
        <translation>没有应用任何内容；集群保持不变。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The scenario could not be opened; the cluster is unchanged.</source>
        <translation>无法打开该场景；集群保持不变。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The scenario stopped at a failing step:</source>
        <translation>场景在一个失败的步骤处停止：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opened %1 at %2</source>
        <translation>已在 %2 打开 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The scenario could not be saved to %1: %2</source>
        <translation>无法将场景保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open Manifests or Scenario</source>
        <translation>打开清单或场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manifests and scenarios (*.yaml *.yml *.json *.ordinal);;Manifests (*.yaml *.yml *.json);;Scenarios (*.ordinal);;All files (*)</source>
        <translation>清单和场景 (*.yaml *.yml *.json *.ordinal);;清单 (*.yaml *.yml *.json);;场景 (*.ordinal);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Save Scenario</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ordinal scenarios (*.ordinal)</source>
        <translation>Ordinal 场景 (*.ordinal)</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Restore Scenario</source>
        <translation>恢复场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordinal did not close properly last time. Restore the scenario saved automatically at %1?</source>
        <translation>Ordinal 上次没有正常关闭。要恢复在 %1 自动保存的场景吗？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scenario has changes that are not saved. Save them before quitting?</source>
        <translation>场景有尚未保存的更改。退出前要保存吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A saved scenario keeps the manifests and every action with its time, to replay them later.</source>
        <translation>保存的场景记录清单以及每个操作及其时间，以便以后重放。</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::History</name>
    <message>
        <location filename="../src/gui/history/history.cpp" line="+166"/>
        <source>%1 through the Kubernetes API</source>
        <translation>通过 Kubernetes API：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply %1</source>
        <translation>应用 %1</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::HistoryDialog</name>
    <message>
        <location filename="../src/gui/history/historydialog.cpp" line="+42"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cluster as it started</source>
        <translation>集群的初始状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branches left behind:</source>
        <translation>留下的分支：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>At %1, left: %2</source>
        <translation>在 %1 留下：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None: nothing was discarded.</source>
        <translation>无：没有丢弃任何内容。</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::LanguageSwitcher</name>
    <message>
        <location filename="../src/gui/window/languageswitcher.cpp" line="+27"/>
        <source>The Chinese translation is not available in this build.</source>
        <translation>此版本中没有中文翻译。</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::LessonPanel</name>
    <message>
        <location filename="../src/gui/panels/lessonpanel.cpp" line="+163"/>
        <source>A fresh cluster is ready. Run the first step.</source>
        <translation>新的集群已就绪。请运行第一步。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Done. Watch the canvas, then go on with Next.</source>
        <translation>完成。观察画布，然后点击“下一步”继续。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done. That was the last step of this lesson.</source>
        <translation>完成。这是本课的最后一步。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command failed (exit status %1): %2</source>
        <translation>命令失败（退出状态 %1）：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This step already ran: its command changed the cluster, so it is not run twice. Go on with Next, or press Start Lesson to begin again on a fresh cluster.</source>
        <translation>这一步已经运行过：它的命令改变了集群，所以不会运行第二次。请按“下一步”继续，或按“开始课程”在全新的集群上重新开始。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This step already ran</source>
        <translation>这一步已经运行过</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run this step&apos;s command, as if typed in the Console; its output appears below</source>
        <translation>运行这一步的命令，如同在控制台中输入；输出显示在下方</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Step %1 of %2 · %3</source>
        <translation>第 %1 步，共 %2 步 · %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The guided lesson and the examples</source>
        <translation>引导课程和示例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start Lesson</source>
        <translation>开始课程(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start this lesson at step 1 on a fresh cluster (the cluster shown now is discarded)</source>
        <translation>在全新的集群上从第 1 步开始本课（当前显示的集群将被丢弃）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run Step</source>
        <translation>运行此步(&amp;R)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to watch:</source>
        <translation>观察要点：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous</source>
        <translation>上一步(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::LiveConnection</name>
    <message>
        <location filename="../src/gui/live/liveconnection.cpp" line="+47"/>
        <source>Change the cluster?</source>
        <translation>要更改集群吗？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Connect to &amp;Cluster…</source>
        <translation>连接到集群(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch a real Kubernetes cluster from a kubeconfig</source>
        <translation>通过 kubeconfig 观察一个真实的 Kubernetes 集群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back to the Simulation</source>
        <translation>返回模拟(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import into Simulation</source>
        <translation>导入到模拟(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make manifests of the Services and StatefulSets seen live and apply them to the simulation</source>
        <translation>把实时看到的 Service 和 StatefulSet 做成清单，并应用到模拟中</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Cannot read the cluster</source>
        <translation>无法读取集群</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (context %2) — Live — Ordinal</source>
        <translation>%1（上下文 %2）— 实时 — Ordinal</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Nothing was seen live yet.</source>
        <translation>还没有实时看到任何内容。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No Service or StatefulSet was seen outside the system namespaces.</source>
        <translation>在系统命名空间之外没有看到任何 Service 或 StatefulSet。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The seen objects could not be applied to the simulation: %1</source>
        <translation>无法把看到的对象应用到模拟中：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported into the simulation: %1</source>
        <translation>已导入到模拟：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>LIVE · %1 · changes allowed</source>
        <translation>实时 · %1 · 允许更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LIVE · %1 · read-only</source>
        <translation>实时 · %1 · 只读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watching %1 (context %2)</source>
        <translation>正在观察 %1（上下文 %2）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; belongs to the simulation; the live view of %2 only reads it.</source>
        <translation>“%1”属于模拟；%2 的实时视图只读取它。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cluster %1 (context %2) is shown read-only: nothing was sent. Connect again with Allow changes to change it.</source>
        <translation>集群 %1（上下文 %2）以只读方式显示：没有发送任何内容。要更改它，请勾选“允许更改”后重新连接。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send this change to cluster %1 (context %2)?

%3</source>
        <translation>把这项更改发送到集群 %1（上下文 %2）吗？

%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent.</source>
        <translation>未发送。</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="+357"/>
        <source>StatefulSet topology[*] — Ordinal</source>
        <translation>StatefulSet 拓扑[*] — Ordinal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Simulation</source>
        <translation>模拟(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop manifests or a folder to apply them</source>
        <translation>拖放清单或文件夹即可应用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n 个 Node</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pod(s), %1 ready</source>
        <translation>
            <numerusform>%n 个 Pod，%1 个就绪</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>You acted at %1, in the past: the history after that moment was discarded and the simulation continues from there.</source>
        <translation>你在过去的时刻 %1 执行了操作：该时刻之后的历史已被丢弃，模拟将从那里继续。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You acted at %1, after undoing or in the past: a new branch of history starts there. Left behind: %2. Edit ▸ History lists them.</source>
        <translation>你在 %1 操作（在撤销之后或在过去的时刻）：历史从那里开始一个新分支。留下的：%2。编辑 ▸ 历史会列出它们。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History branched at %1</source>
        <translation>历史在 %1 处分叉</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::MessageBanner</name>
    <message>
        <location filename="../src/gui/messagebanner.cpp" line="+27"/>
        <location line="+37"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::ObjectsModel</name>
    <message>
        <location filename="../src/gui/panels/objectsmodel.cpp" line="+67"/>
        <source>%1/%2 ready</source>
        <translation>%1/%2 就绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, service %2</source>
        <translation>%1，Service %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>headless</source>
        <translation>headless</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>StatefulSets</source>
        <translation>StatefulSet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Services</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PersistentVolumeClaims</source>
        <translation>PersistentVolumeClaim</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nodes</source>
        <translation>Node</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::ObjectsPanel</name>
    <message>
        <location filename="../src/gui/panels/objectspanel.cpp" line="+105"/>
        <source>Select an object to see its details.</source>
        <translation>选择一个对象以查看其详细信息。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 %2 does not exist at this moment.</source>
        <translation>%1 %2 在此刻不存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The cluster&apos;s objects at the moment shown; select one for details</source>
        <translation>所显示时刻集群中的对象；选择一个以查看详细信息</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::PodItem</name>
    <message>
        <location filename="../src/gui/canvas/poditem.cpp" line="+202"/>
        <source>not present</source>
        <translation>不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running, not Ready</source>
        <translation>Running，未就绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running, Ready</source>
        <translation>Running，已就绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminating</source>
        <translation>Terminating</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failing</source>
        <translation>失败中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+240"/>
        <source>Pod %1
IP %2
node %3
status %4, ready %5
restarts %6</source>
        <translation>Pod %1
IP %2
节点 %3
状态 %4，就绪 %5
重启 %6</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not present; its identity keeps this place</source>
        <translation>%1 当前不存在；它的身份仍保留这个位置</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revision %1</source>
        <translation>修订版本 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not scheduled: %1</source>
        <translation>未调度：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pink ring: the answer the DNS panel tracks</source>
        <translation>粉色圆环：DNS 面板跟踪的应答</translation>
    </message>
    <message>
        <location line="+351"/>
        <source>no IP yet</source>
        <translation>尚无 IP</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ready %1</source>
        <translation>Ready %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not Ready %1</source>
        <translation>未 Ready %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>pulling image %1%</source>
        <translation>正在拉取镜像 %1%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting container</source>
        <translation>正在启动容器</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>was %1</source>
        <translation>原为 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>restarts: %1</source>
        <translation>重启次数：%1</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::PresenterMode</name>
    <message>
        <location filename="../src/gui/window/presentermode.cpp" line="+151"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(before: %1)</source>
        <translation>（之前：%1）</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::Session</name>
    <message>
        <location filename="../src/gui/session.cpp" line="+149"/>
        <source>error: no objects passed to apply</source>
        <translation>error: no objects passed to apply</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::TransportBar</name>
    <message>
        <location filename="../src/gui/timeline/transportbar.cpp" line="+144"/>
        <source>LIVE</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Showing the present of the simulation.</source>
        <translation>正在显示模拟的当前时刻。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PAST — acting here branches history</source>
        <translation>过去 — 在此操作会使历史分叉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are looking at an earlier moment. A change made now discards everything that happened after it.</source>
        <translation>你正在查看一个较早的时刻。现在做出的更改会丢弃此后发生的一切。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How fast virtual time runs against the wall clock</source>
        <translation>虚拟时间相对于真实时间的运行速度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual time: drag to look at any earlier moment</source>
        <translation>虚拟时间：拖动即可查看任意较早的时刻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>ordinal::gui::YamlPanel</name>
    <message>
        <location filename="../src/gui/panels/yamlpanel.cpp" line="+138"/>
        <source>Not applied: fix the problems listed above first.</source>
        <translation>未应用：请先修复上面列出的问题。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to apply: the document holds no objects.</source>
        <translation>没有可应用的内容：文档中没有任何对象。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%1 — %n object(s)</source>
        <translation>
            <numerusform>%1 — %n 个对象</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applied: %1</source>
        <translation>已应用：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply failed: %1</source>
        <translation>应用失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open or type a manifest; Ctrl+Enter applies it.</source>
        <translation>打开或输入一个清单；按 Ctrl+Enter 应用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid. Ctrl+Enter applies it to the cluster.</source>
        <translation>有效。按 Ctrl+Enter 将其应用到集群。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n problem(s): nothing will be applied until they are fixed.</source>
        <translation>
            <numerusform>%n 个问题：修复之前不会应用任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the document to the cluster (Ctrl+Enter)</source>
        <translation>将文档应用到集群（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the document as the API server would, without applying</source>
        <translation>像 API 服务器那样检查文档，但不应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source># A Service and a StatefulSet, for example</source>
        <translation># 例如，一个 Service 和一个 StatefulSet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a problem to move the cursor there</source>
        <translation>点击一个问题，光标就会移动到那里</translation>
    </message>
</context>
<context>
    <name>ordinal::net::ApiServer</name>
    <message>
        <location filename="../src/net/apiserver.cpp" line="+1302"/>
        <location line="+68"/>
        <location line="+129"/>
        <location line="+340"/>
        <source>the server does not allow this method on the requested resource</source>
        <translation>the server does not allow this method on the requested resource</translation>
    </message>
    <message>
        <location line="-462"/>
        <source>a Scale needs spec.replicas</source>
        <translation>a Scale needs spec.replicas</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the status of %1 is written by Ordinal&apos;s controllers</source>
        <translation>the status of %1 is written by Ordinal&apos;s controllers</translation>
    </message>
</context>
<context>
    <name>ordinal::net::CredentialSource</name>
    <message>
        <location filename="../src/net/credentials.cpp" line="+45"/>
        <source>cannot read the token file &quot;%1&quot;: %2</source>
        <translation>无法读取令牌文件“%1”：%2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the credential plugin &quot;%1&quot; asks for %2, which Ordinal does not speak (it speaks client.authentication.k8s.io/v1)</source>
        <translation>凭据插件“%1”要求 %2，Ordinal 不支持它（Ordinal 支持 client.authentication.k8s.io/v1）</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the credential plugin &quot;%1&quot; did not answer within %2 s</source>
        <translation>凭据插件“%1”在 %2 秒内没有应答</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the credential plugin &quot;%1&quot; could not be started (%2)</source>
        <translation>无法启动凭据插件“%1”（%2）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the credential plugin &quot;%1&quot; failed (exit status %2)</source>
        <translation>凭据插件“%1”失败（退出状态 %2）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the credential plugin &quot;%1&quot; printed no usable ExecCredential: %2</source>
        <translation>凭据插件“%1”没有输出可用的 ExecCredential：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its output is not an ExecCredential in JSON</source>
        <translation>它的输出不是 JSON 格式的 ExecCredential</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it answered in another apiVersion than %1</source>
        <translation>它用了 %1 以外的 apiVersion 回答</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it has no status</source>
        <translation>它没有 status</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>it carries neither a token nor a client certificate</source>
        <translation>它既没有令牌也没有客户端证书</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it carries a client certificate without its key or the reverse</source>
        <translation>它有客户端证书却没有私钥，或者相反</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its expirationTimestamp is not an RFC 3339 time</source>
        <translation>它的 expirationTimestamp 不是 RFC 3339 时间</translation>
    </message>
</context>
<context>
    <name>ordinal::net::DnsServer</name>
    <message>
        <location filename="../src/net/dnsserver.cpp" line="+67"/>
        <source>cannot bind UDP %1 port %2: %3</source>
        <translation>无法绑定 UDP %1 端口 %2：%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot listen on TCP %1 port %2: %3</source>
        <translation>无法在 TCP %1 端口 %2 上监听：%3</translation>
    </message>
</context>
<context>
    <name>ordinal::net::LiveClient</name>
    <message>
        <location filename="../src/net/liveclient.cpp" line="+234"/>
        <location line="+419"/>
        <source>No credentials for the cluster: %1</source>
        <translation>没有该集群的凭据：%1</translation>
    </message>
    <message>
        <location line="-369"/>
        <source>The cluster did not accept the credentials of user &quot;%1&quot; (401 Unauthorized): the token or certificate may have expired or be wrong.</source>
        <translation>集群不接受用户“%1”的凭据（401 Unauthorized）：令牌或证书可能已过期或有误。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>in the whole cluster</source>
        <translation>（整个集群）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in namespace %1</source>
        <translation>（命名空间 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not allowed to watch %1 %2 (403 Forbidden); the rest is still shown.</source>
        <translation>不允许观察 %1%2（403 Forbidden）；其余内容仍会显示。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cluster says: %1</source>
        <translation>集群的回答：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cluster answered %1 for %2.</source>
        <translation>集群对 %2 的回答是 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It says: %1</source>
        <translation>它说：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing answers at %1: the connection was refused (is the cluster running, and is the address in the kubeconfig right?).</source>
        <translation>%1 没有应答：连接被拒绝（集群在运行吗？kubeconfig 中的地址对吗？）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The host of %1 was not found: check the server address in the kubeconfig.</source>
        <translation>找不到 %1 的主机：请检查 kubeconfig 中的服务器地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cluster at %1 did not answer in time.</source>
        <translation>%1 处的集群没有及时应答。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cluster at %1 closed the connection while %2 were read.</source>
        <translation>读取 %2 时，%1 处的集群关闭了连接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The secure (TLS) connection to %1 failed: %2. The certificate authority in the kubeconfig may not be the cluster&apos;s.</source>
        <translation>到 %1 的安全（TLS）连接失败：%2。kubeconfig 中的证书颁发机构可能不是该集群的。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection to %1 failed: %2.</source>
        <translation>到 %1 的连接失败：%2。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The cluster&apos;s list of %1 is not a list in JSON.</source>
        <translation>集群返回的 %1 列表不是 JSON 列表。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+115"/>
        <source>An object the cluster sent was skipped: %1</source>
        <translation>跳过了集群发送的一个对象：%1</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>The watch of %1 sent a line that is not a watch event.</source>
        <translation>%1 的 watch 发送了一行不是 watch 事件的内容。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The watch of %1 ended with an error: %2</source>
        <translation>%1 的 watch 因错误结束：%2</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>Changes to cluster &quot;%1&quot; are not allowed: connect with Allow changes (--allow-changes) to send them.</source>
        <translation>不允许更改集群“%1”：请勾选“允许更改”（--allow-changes）连接后再发送。</translation>
    </message>
</context>
</TS>
