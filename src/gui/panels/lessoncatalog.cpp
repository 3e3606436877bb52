#include "lessoncatalog.h"

#include <QDir>

// Q_INIT_RESOURCE must be used outside any namespace. The resources live in static
// libraries, so referencing them here also keeps the linker from dropping them.
static void ordinalInitContentResources()
{
    Q_INIT_RESOURCE(lessons);
    Q_INIT_RESOURCE(content);
}

namespace ordinal::gui {

void LessonCatalog::initResources()
{
    static const bool done = [] {
        ordinalInitContentResources();
        return true;
    }();
    Q_UNUSED(done)
}

QList<Lesson> LessonCatalog::lessons()
{
    initResources();
    QList<Lesson> result;

    // --- The lesson: ordered creation, stable names, changing addresses. ---------------------
    Lesson topology;
    topology.id = QStringLiteral("topology");
    topology.title = tr("StatefulSet topology state");
    topology.summary =
        tr("Why the Pods of a StatefulSet start one after another, keep their names and DNS "
           "records when they are replaced, and why their IP addresses do not stay the same.");
    topology.baseDir = QStringLiteral(":/lessons/topology");
    topology.steps = {
        {tr("A Service without a cluster IP"),
         tr("Replicas of a stateful application are not interchangeable, so clients must be able "
            "to reach each one by name. A headless Service (clusterIP: None) gets no virtual IP "
            "of its own; instead the cluster DNS publishes a record for every Pod it selects."),
         QStringLiteral("kubectl create -f seed-svc.yaml"),
         tr("The Service nginx appears on the canvas, still connected to no Pod.")},
        {tr("Check the Service"),
         tr("The CLUSTER-IP column says None: there is no load-balanced address. Names under "
            "nginx.default.svc.cluster.local will point straight at Pods."),
         QStringLiteral("kubectl get service nginx"),
         tr("Nothing moves yet; the Service is waiting for Pods with the label app=nginx.")},
        {tr("Create the StatefulSet"),
         tr("The StatefulSet web asks for two replicas and names nginx as its governing Service. "
            "Each Pod will be called web-<ordinal>: a name, not a random suffix."),
         QStringLiteral("kubectl create -f seed-statefulset.yaml"),
         tr("web-0 appears first, as Pending, then pulls its image. Beside the StatefulSet, a "
            "dashed card says why web-1 does not exist yet: it waits for web-0.")},
        {tr("Look at the StatefulSet"),
         tr("READY counts the Pods that are running and ready against the replicas asked for. "
            "Early on it shows 0/2 or 1/2: the controller is still working through the "
            "ordinals."),
         QStringLiteral("kubectl get statefulset web"),
         tr("Compare READY with the Pod cards on the canvas.")},
        {tr("Watch the Pods start in order"),
         tr("With the default OrderedReady policy the controller creates web-1 only after web-0 "
            "is Running and Ready. The watch prints a row for every change; the event log shows "
            "the controller's reason for waiting."),
         QStringLiteral("kubectl get pods -w -l app=nginx"),
         tr("web-0 turns Ready before web-1 is even created. Wait until both are Running, then "
            "go on.")},
        {tr("Ask web-0 its hostname"),
         tr("The hostname inside the container is the Pod's name. The ordinal is part of the "
            "identity, not a random suffix."),
         QStringLiteral("kubectl exec web-0 -- sh -c 'hostname'"),
         tr("The console prints web-0.")},
        {tr("Ask web-1 its hostname"),
         tr("The same for the second replica: each Pod knows who it is, and will still know "
            "after it is recreated."),
         QStringLiteral("kubectl exec web-1 -- sh -c 'hostname'"),
         tr("The console prints web-1.")},
        {tr("Resolve web-0 by name"),
         tr("Through the headless Service each Pod has a stable DNS name: "
            "<pod>.<service>.<namespace>.svc.cluster.local. The answer is the Pod's current "
            "IP address."),
         QStringLiteral("nslookup web-0.nginx"),
         tr("Note the address; the DNS panel can track this name over time.")},
        {tr("Resolve web-1 by name"),
         tr("web-1 has a record of its own, pointing at its own address."),
         QStringLiteral("nslookup web-1.nginx"),
         tr("Note this address as well.")},
        {tr("Delete both Pods"),
         tr("Deleting the Pods does not delete the identities. The StatefulSet notices that "
            "web-0 and web-1 are missing and creates them again."),
         QStringLiteral("kubectl delete pod -l app=nginx"),
         tr("Both Pods fade out through Terminating; their places stay on the canvas as dashed "
            "cards, kept for the identities that come back.")},
        {tr("Watch them come back"),
         tr("The replacements get the same names and start in the same order as before: "
            "web-0 first, then web-1 once web-0 is Ready."),
         QStringLiteral("kubectl get pod -w -l app=nginx"),
         tr("The new Pods appear where the old identities were. Wait until both are Running.")},
        {tr("Resolve web-0 again"),
         tr("The name is the same, but the address may not be: a recreated Pod gets a new IP. "
            "This is why peers of a stateful application must talk to each other by DNS name, "
            "never by IP."),
         QStringLiteral("nslookup web-0.nginx"),
         tr("Compare the address with the one from before; the DNS panel's history shows both.")},
        {tr("Resolve web-1 again"),
         tr("Same for web-1. The topology (who is 0, who is 1, and how to reach each) survived "
            "the deletion; only the addresses changed."),
         QStringLiteral("nslookup web-1.nginx"),
         tr("Each Pod card shows its new address, with the old one under it (\"was …\").")},
    };
    result.append(topology);

    // --- Example: Parallel pod management. -------------------------------------------------
    Lesson parallel;
    parallel.id = QStringLiteral("parallel");
    parallel.title = tr("Example: Parallel pod management");
    parallel.summary = tr("With podManagementPolicy: Parallel the controller does not wait for "
                          "one Pod before the next: names stay ordered, start-up does not.");
    parallel.baseDir = QStringLiteral(":/content/examples/parallel");
    parallel.steps = {
        {tr("Apply the manifests"),
         tr("The same web StatefulSet as in the lesson, but with the Parallel policy."),
         QStringLiteral("kubectl apply -f web-parallel.yaml"),
         tr("web-0 and web-1 appear at the same moment.")},
        {tr("Watch both start together"),
         tr("Both Pods are created at once and become Ready independently."),
         QStringLiteral("kubectl get pods -w -l app.kubernetes.io/name=nginx"),
         tr("No Pod waits for another.")},
        {tr("Scale up to four"),
         tr("Scaling up also creates all missing ordinals at once."),
         QStringLiteral("kubectl scale statefulset web --replicas=4"),
         tr("web-2 and web-3 appear together.")},
        {tr("Watch the new Pods"),
         tr("They still get the next ordinals, 2 and 3: identities remain ordered."),
         QStringLiteral("kubectl get pods -w -l app.kubernetes.io/name=nginx"),
         tr("Four Pods, each with its own name and claim.")},
        {tr("Scale down to one"),
         tr("Scaling down removes all the surplus Pods at once as well."),
         QStringLiteral("kubectl scale statefulset web --replicas=1"),
         tr("web-1, web-2 and web-3 terminate at the same time.")},
        {tr("The claims stay"),
         tr("The storage claims of the removed Pods are kept, ready for the same identities "
            "if the set grows again."),
         QStringLiteral("kubectl get pvc"),
         tr("Four claims remain although one Pod is left.")},
    };
    result.append(parallel);

    // --- Example: rolling update with a partition. -------------------------------------------
    Lesson partition;
    partition.id = QStringLiteral("partition");
    partition.title = tr("Example: Rolling update with a partition");
    partition.summary = tr("A partition holds back the update for ordinals below it: a way to "
                           "try a new version on one replica first (a canary).");
    partition.baseDir = QStringLiteral(":/content/examples/partition");
    partition.steps = {
        {tr("Apply three replicas"),
         tr("Three nginx Pods behind a headless Service, updated with RollingUpdate."),
         QStringLiteral("kubectl apply -f web.yaml"),
         tr("web-0, web-1, web-2 start one after another.")},
        {tr("Wait for the rollout"),
         tr("rollout status waits until every replica runs the current revision."),
         QStringLiteral("kubectl rollout status statefulset/web"),
         tr("All three Pods Ready.")},
        {tr("Set the partition to 2"),
         tr("Only Pods with an ordinal of 2 or more will be updated from now on."),
         QStringLiteral("kubectl patch statefulset web -p "
                        "'{\"spec\":{\"updateStrategy\":{\"type\":\"RollingUpdate\","
                        "\"rollingUpdate\":{\"partition\":2}}}}'"),
         tr("Nothing changes yet: the template is the same.")},
        {tr("Change the image"),
         tr("A new template means a new revision. The controller replaces web-2 only."),
         QStringLiteral("kubectl set image statefulset/web nginx=registry.k8s.io/nginx-slim:0.8"),
         tr("web-2 terminates and comes back; web-0 and web-1 are left alone.")},
        {tr("Watch the canary"),
         tr("web-2 runs the new image; the others keep the old one."),
         QStringLiteral("kubectl get pods -w -l app=nginx"),
         tr("Only web-2 was recreated.")},
        {tr("Check the canary's image"),
         tr("describe shows the image web-2 runs now."),
         QStringLiteral("kubectl describe pod web-2"),
         tr("Image: registry.k8s.io/nginx-slim:0.8.")},
        {tr("Lower the partition to 0"),
         tr("Releasing the partition lets the update continue, from the highest ordinal down."),
         QStringLiteral("kubectl patch statefulset web -p "
                        "'{\"spec\":{\"updateStrategy\":{\"rollingUpdate\":{\"partition\":0}}}}'"),
         tr("web-1 is replaced, then web-0.")},
        {tr("Watch the rest roll"),
         tr("One Pod at a time, each waiting for the previous one to be Ready."),
         QStringLiteral("kubectl get pods -w -l app=nginx"),
         tr("The update walks down the ordinals: 1, then 0.")},
    };
    result.append(partition);

    // --- Example: node failure. --------------------------------------------------------------
    Lesson failure;
    failure.id = QStringLiteral("node-failure");
    failure.title = tr("Example: Node failure");
    failure.summary = tr("When a node stops answering, a StatefulSet does not start a second "
                         "copy of a Pod it cannot prove dead: at most one Pod per identity.");
    failure.baseDir = QStringLiteral(":/content/examples/node-failure");
    failure.steps = {
        {tr("Apply two replicas"),
         tr("Two nginx Pods that prefer different nodes."),
         QStringLiteral("kubectl apply -f web.yaml"),
         tr("One Pod lands on each worker.")},
        {tr("Watch them start"),
         tr("Wait until both Pods are Running and Ready."),
         QStringLiteral("kubectl get pods -w -l app=nginx"),
         tr("Note which node holds which Pod.")},
        {tr("See the placement"),
         tr("The NODE column tells where each identity lives."),
         QStringLiteral("kubectl get pods -o wide -l app=nginx"),
         tr("One Pod on node-1, the other on node-2.")},
        {tr("Cut the power of node-1"),
         tr("The node stops sending heartbeats. Nothing can reach its Pods any more, but "
            "nobody knows whether they are still running."),
         QStringLiteral("sim node-down node-1"),
         tr("node-1 keeps its Pods for now.")},
        {tr("Wait for the node to be marked"),
         tr("After the grace period the node's Ready condition becomes Unknown and it is "
            "tainted."),
         QStringLiteral("sleep 1m"),
         tr("node-1 turns NotReady.")},
        {tr("Check the nodes"),
         tr("The failed node is NotReady; the other worker is fine."),
         QStringLiteral("kubectl get nodes"),
         tr("node-1 NotReady.")},
        {tr("Wait for the eviction"),
         tr("After five minutes the Pods on the node are marked for deletion. Only the node's "
            "kubelet could confirm that they stopped, and it is unreachable, so they stay "
            "Terminating."),
         QStringLiteral("sleep 5m"),
         tr("The stranded Pod shows Terminating and is not replaced.")},
        {tr("See the stranded Pod"),
         tr("The StatefulSet will not create a replacement with the same name while the old "
            "Pod may still run: two Pods with one identity could corrupt shared state."),
         QStringLiteral("kubectl get pods -o wide -l app=nginx"),
         tr("The Pod on node-1 stays Terminating.")},
        {tr("Bring the node back"),
         tr("When the node returns, its kubelet finishes the deletion and the StatefulSet "
            "recreates the Pod, with the same name and a new address."),
         QStringLiteral("sim node-up node-1"),
         tr("The old Pod disappears and its identity starts again.")},
        {tr("Watch the recovery"),
         tr("Only an administrator who knows the node is really gone should force-delete such "
            "a Pod instead (kubectl delete pod --force --grace-period=0)."),
         QStringLiteral("kubectl get pods -w -l app=nginx"),
         tr("Both identities are Running again.")},
    };
    result.append(failure);

    // --- Example: a ZooKeeper-like ensemble. ------------------------------------------------
    Lesson zk;
    zk.id = QStringLiteral("zookeeper");
    zk.title = tr("Example: A ZooKeeper-like ensemble");
    zk.summary = tr("Three members that must run on three different nodes (required pod "
                    "anti-affinity on kubernetes.io/hostname) and find each other by name.");
    zk.baseDir = QStringLiteral(":/content/examples/zookeeper");
    zk.steps = {
        {tr("Apply the ensemble"),
         tr("A headless Service zk-hs with client, server and leader-election ports, and a "
            "StatefulSet zk of three members, at most one per node."),
         QStringLiteral("kubectl apply -f zk.yaml"),
         tr("zk-0 starts on one worker.")},
        {tr("Watch the members start"),
         tr("zk-0 and zk-1 find a node each. zk-2 cannot: the control-plane node is tainted and "
            "both workers already hold a member."),
         QStringLiteral("kubectl get pods -w -l app=zk"),
         tr("zk-2 stays Pending.")},
        {tr("Ask why zk-2 waits"),
         tr("The scheduler's event explains which rule excluded each node."),
         QStringLiteral("kubectl describe pod zk-2"),
         tr("FailedScheduling: anti-affinity and the control-plane taint.")},
        {tr("Add a third worker"),
         tr("A new node joins the cluster, labelled with its own hostname."),
         QStringLiteral("kubectl apply -f node-3.yaml"),
         tr("node-3 appears on the canvas.")},
        {tr("Watch zk-2 get scheduled"),
         tr("The scheduler tries again and places zk-2 on the new node."),
         QStringLiteral("kubectl get pods -w -l app=zk"),
         tr("zk-2 moves to node-3 and starts.")},
        {tr("See the spread"),
         tr("Each member has a node of its own."),
         QStringLiteral("kubectl get pods -o wide -l app=zk"),
         tr("Three Pods on three different nodes.")},
        {tr("Resolve a member"),
         tr("Peers are configured with names such as zk-2.zk-hs, which survive restarts."),
         QStringLiteral("nslookup zk-2.zk-hs"),
         tr("The address of zk-2 on node-3.")},
        {tr("List the members by SRV"),
         tr("An SRV query for a named port returns every ready member with its port, the way "
            "a client can discover the whole ensemble."),
         QStringLiteral("dig _server._tcp.zk-hs.default.svc.cluster.local SRV +short"),
         tr("Three SRV records, one per member.")},
    };
    result.append(zk);
    return result;
}

} // namespace ordinal::gui
