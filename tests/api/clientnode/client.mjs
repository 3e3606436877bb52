// The real @kubernetes/client-node against `ordinal --serve-api` (run by tst_clientnode):
// the lesson's headless Service and StatefulSet created from their YAML, the pods followed
// through an informer (list, then watch from the list's resourceVersion), ordered creation
// seen through the watch, a pod deleted and replaced, the StatefulSet's status read, and
// everything deleted again. Prints a summary without ages or addresses (the same every run);
// any failure ends with a message on stderr and exit status 1.
//
// Usage: KUBECONFIG=FILE node client.mjs MANIFEST_DIR
// The package is found next to this file or through NODE_PATH (the test points it at the
// build folder's node-client/node_modules, where .ci/bootstrap.sh installs it).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// ES modules ignore NODE_PATH; CommonJS resolution (createRequire) honours it.
const k8s = await import(
    pathToFileURL(createRequire(import.meta.url).resolve('@kubernetes/client-node')).href);

const namespace = 'default';
const selector = 'app=nginx';
const timeoutMs = 60000;
const manifests = process.argv[2];

function fail(message) {
    console.error(`client-node: ${message}`);
    process.exit(1);
}

const summary = [];
function say(line) {
    summary.push(line);
    console.log(line);
}

function isReady(pod) {
    return pod?.status?.phase === 'Running'
        && (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

// Resolves once check() holds, re-checked on each informer event; rejects when check()
// throws, or after timeoutMs.
const waiters = new Set();
function waitFor(what, check) {
    return new Promise((resolve, reject) => {
        const waiter = () => {
            let value;
            try {
                value = check();
            } catch (err) {
                waiters.delete(waiter);
                clearTimeout(timer);
                reject(new Error(`waiting for ${what}: ${err.message}`));
                return;
            }
            if (value) {
                waiters.delete(waiter);
                clearTimeout(timer);
                resolve(value);
            }
        };
        const timer = setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`));
        }, timeoutMs);
        waiters.add(waiter);
        waiter();
    });
}
function recheck() {
    for (const waiter of [...waiters])
        waiter();
}

async function main() {
    if (!manifests)
        fail('usage: node client.mjs MANIFEST_DIR');
    const kc = new k8s.KubeConfig();
    kc.loadFromDefault(); // KUBECONFIG
    if (!kc.getCurrentCluster())
        fail('no cluster in the kubeconfig (KUBECONFIG)');
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const apps = kc.makeApiClient(k8s.AppsV1Api);

    // The informer: every ADD/UPDATE/DELETE in order, and for each pod whether web-0 was
    // Ready (as the informer had last seen it) when the pod was added.
    const events = [];
    const readyWhenAdded = new Map();
    const informer = k8s.makeInformer(
        kc, `/api/v1/namespaces/${namespace}/pods`,
        () => core.listNamespacedPod({ namespace, labelSelector: selector }), selector);
    let informerError = null;
    informer.on('add', (pod) => {
        events.push(['ADD', pod.metadata.name]);
        readyWhenAdded.set(`${pod.metadata.name}/${pod.metadata.uid}`,
                           isReady(informer.get('web-0', namespace)));
        recheck();
    });
    informer.on('update', (pod) => {
        events.push(['UPDATE', pod.metadata.name]);
        recheck();
    });
    informer.on('delete', (pod) => {
        events.push(['DELETE', pod.metadata.name]);
        recheck();
    });
    let stopped = false;
    informer.on('error', (err) => {
        if (stopped) // stop() aborts the watch, which the informer reports as an error
            return;
        informerError = err;
        recheck();
    });
    await informer.start();
    const pods = () => informer.list(namespace);
    const pod = (name) => informer.get(name, namespace);
    const guard = (check) => () => {
        if (informerError)
            throw new Error(`the informer stopped: ${informerError.message ?? informerError}`);
        return check();
    };
    const wait = (what, check) => waitFor(what, guard(check));
    if (pods().length !== 0)
        fail(`pods with ${selector} exist before the StatefulSet: ${pods().map((p) => p.metadata.name)}`);
    say(`informer: listed and watching pods with ${selector}`);

    // Create the lesson's objects from their YAML, as the client parses it.
    const service = k8s.loadYaml(readFileSync(join(manifests, 'seed-svc.yaml'), 'utf8'));
    const [statefulSet] = k8s.loadAllYaml(
        readFileSync(join(manifests, 'seed-statefulset.yaml'), 'utf8'));
    const createdService = await core.createNamespacedService({ namespace, body: service });
    say(`created ${createdService.kind} ${createdService.metadata.name} `
        + `clusterIP=${createdService.spec.clusterIP}`);
    const createdSet = await apps.createNamespacedStatefulSet({ namespace, body: statefulSet });
    say(`created ${createdSet.kind} ${createdSet.metadata.name} `
        + `replicas=${createdSet.spec.replicas}`);

    // Both pods Running and Ready, as the informer's cache has them.
    await wait('web-0 and web-1 Running and Ready',
               () => isReady(pod('web-0')) && isReady(pod('web-1')));
    say('informer: web-0 and web-1 are Running and Ready');
    const firstAdds = events.filter(([type]) => type === 'ADD').map(([, name]) => name);
    if (firstAdds.join(' ') !== 'web-0 web-1')
        fail(`pods added in the order ${firstAdds.join(' ')}, not web-0 web-1`);
    const web1 = pod('web-1');
    if (!readyWhenAdded.get(`web-1/${web1.metadata.uid}`))
        fail('web-1 was added before web-0 was Ready (ordered creation not seen in the watch)');
    say('informer: web-1 was added only after web-0 was Ready');
    const updates = events.filter(([type, name]) => type === 'UPDATE' && name === 'web-0').length;
    if (updates === 0)
        fail('no UPDATE of web-0 reached the informer');
    say('informer: web-0 was updated through the watch until Ready');

    // A plain list.
    const listed = await core.listNamespacedPod({ namespace, labelSelector: selector });
    if (!listed.metadata?.resourceVersion)
        fail('the pod list has no metadata.resourceVersion');
    say(`list pods: ${listed.items.map((p) => p.metadata.name).sort().join(' ')}`);
    // The client turns timestamps into Dates: the server's must parse.
    for (const item of listed.items) {
        const stamps = [item.metadata.creationTimestamp, item.status?.startTime,
                        ...(item.status?.conditions ?? []).map((c) => c.lastTransitionTime)];
        if (stamps.some((t) => !(t instanceof Date) || Number.isNaN(t.getTime())))
            fail(`${item.metadata.name}: a timestamp the client could not read: ${stamps}`);
    }
    // Watch events carry whole objects, kind and apiVersion included.
    const watched = pod('web-0');
    if (watched.kind !== 'Pod' || watched.apiVersion !== 'v1')
        fail(`a watched pod has kind ${watched.kind} and apiVersion ${watched.apiVersion}`);

    // Labels that change under a label-selected informer: an object that starts to match
    // arrives as an add, one that stops matching leaves the cache as a delete (also one the
    // informer listed before its watch began).
    const tag = 'ordinal.test/tagged';
    const label = (name, value) => core.patchNamespacedPod(
        { name, namespace, body: { metadata: { labels: { [tag]: value } } } },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    await label('web-1', 'yes');
    const tagged = k8s.makeInformer(
        kc, `/api/v1/namespaces/${namespace}/pods`,
        () => core.listNamespacedPod({ namespace, labelSelector: `${tag}=yes` }), `${tag}=yes`);
    const taggedEvents = [];
    let taggedStopped = false;
    tagged.on('add', (p) => { taggedEvents.push(`add ${p.metadata.name}`); recheck(); });
    tagged.on('update', (p) => { taggedEvents.push(`update ${p.metadata.name}`); recheck(); });
    tagged.on('delete', (p) => { taggedEvents.push(`delete ${p.metadata.name}`); recheck(); });
    tagged.on('error', (err) => {
        if (taggedStopped)
            return;
        informerError = err;
        recheck();
    });
    await tagged.start();
    const taggedNames = () => tagged.list(namespace).map((p) => p.metadata.name).sort().join(' ');
    if (taggedNames() !== 'web-1')
        fail(`the ${tag}=yes informer listed "${taggedNames()}", not web-1`);
    await label('web-1', null);
    await wait(`web-1 to leave the ${tag}=yes informer`, () => taggedNames() === '');
    await label('web-0', 'yes');
    await wait(`web-0 to enter the ${tag}=yes informer`, () => taggedNames() === 'web-0');
    await label('web-0', null);
    await wait(`web-0 to leave the ${tag}=yes informer`, () => taggedNames() === '');
    taggedStopped = true;
    await tagged.stop();
    // (updates of a tagged pod, as many as the cluster made meanwhile, are left out)
    say(`informer ${tag}=yes: ${taggedEvents.filter((e) => !e.startsWith('update')).join(', ')}`);
    // The app=nginx informer, on its own watch, was sent the same changes as updates.
    await wait(`the app=nginx informer to see web-0 and web-1 without ${tag}`,
               () => !pod('web-0').metadata.labels?.[tag] && !pod('web-1').metadata.labels?.[tag]);

    // Delete web-0: the StatefulSet controller makes a new one, another object with another
    // address.
    const old = pod('web-0');
    const oldUid = old.metadata.uid;
    const oldIP = old.status.podIP;
    if (!oldIP)
        fail('web-0 is Ready without a podIP');
    await core.deleteNamespacedPod({ name: 'web-0', namespace });
    say('deleted pod web-0');
    const replaced = await wait('a new web-0 Running and Ready', () => {
        const p = pod('web-0');
        return p && p.metadata.uid !== oldUid && isReady(p) ? p : null;
    });
    if (!events.some(([type, name]) => type === 'DELETE' && name === 'web-0'))
        fail('the informer saw no DELETE of the old web-0');
    if (replaced.status.podIP === oldIP)
        fail(`the new web-0 kept the old address ${oldIP}`);
    say('informer: web-0 deleted, then added again with a new uid and a new IP, Running and Ready');

    // The StatefulSet's status, once the controller has counted the new pod (seen through a
    // second informer, on StatefulSets), then read.
    const sets = k8s.makeInformer(
        kc, `/apis/apps/v1/namespaces/${namespace}/statefulsets`,
        () => apps.listNamespacedStatefulSet({ namespace }));
    sets.on('add', recheck);
    sets.on('update', recheck);
    let setsStopped = false;
    sets.on('error', (err) => {
        if (setsStopped) // stop() aborts the watch, which the informer reports as an error
            return;
        informerError = err;
        recheck();
    });
    await sets.start();
    await wait('the StatefulSet to count 2 ready replicas', () => {
        const status = sets.get('web', namespace)?.status;
        return status?.readyReplicas === 2 && status?.availableReplicas === 2;
    });
    setsStopped = true;
    await sets.stop();
    const set = await apps.readNamespacedStatefulSet({ name: 'web', namespace });
    const s = set.status;
    say(`statefulset web: replicas=${s.replicas} readyReplicas=${s.readyReplicas} `
        + `currentReplicas=${s.currentReplicas} updatedReplicas=${s.updatedReplicas} `
        + `availableReplicas=${s.availableReplicas} `
        + `sameRevision=${s.currentRevision === s.updateRevision}`);

    // Delete the StatefulSet (its pods go with it) and the Service.
    await apps.deleteNamespacedStatefulSet({ name: 'web', namespace });
    say('deleted statefulset web');
    try {
        await apps.readNamespacedStatefulSet({ name: 'web', namespace });
        fail('statefulset web can still be read after its deletion');
    } catch (err) {
        if (err?.code !== 404)
            throw err;
        say(`read statefulset web: ${err.code} ${JSON.parse(err.body).reason}`);
    }
    await wait('the pods of web to be deleted', () => pods().length === 0);
    say('informer: no pods with app=nginx left');
    await core.deleteNamespacedService({ name: 'nginx', namespace });
    say('deleted service nginx');
    const services = await core.listNamespacedService({ namespace });
    if (services.items.some((item) => item.metadata.name === 'nginx'))
        fail('service nginx is still listed after its deletion');

    stopped = true;
    await informer.stop();
    const adds = events.filter(([type]) => type === 'ADD').map(([, name]) => name);
    const deletes = events.filter(([type]) => type === 'DELETE').map(([, name]) => name);
    say(`informer adds: ${adds.join(' ')}`);
    say(`informer deletes: ${[...deletes].sort().join(' ')}`);
    say('ok');
}

// The client's ApiException carries the HTTP code and the server's Status in its message.
main().then(() => process.exit(0), (err) => fail(err?.message ?? String(err)));
