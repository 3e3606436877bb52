#!/usr/bin/env bash
# Records what the real kubectl 1.33 prints for each case of cases.txt, against
# `ordinal --headless --serve-api` with the topology lesson applied plus pods/odd.json and
# pods/multi.yaml. Writes objects/*.json (the objects the test feeds the printers) and
# expected/NAME.out, NAME.err and exit codes. Run from this folder with KUBECONFIG set.
set -u
mkdir -p objects expected
kubectl get pods -o json > objects/pods.json
kubectl get sts -o json > objects/sts.json
kubectl get svc -o json > objects/svc.json
: > expected/exitcodes.txt
while IFS=$'\t' read -r name args <&3; do
    case "$name" in "" | "#"*) continue ;; esac
    eval "kubectl get $args" > "expected/$name.out" 2> "expected/$name.err"
    printf '%s\t%d\n' "$name" $? >> expected/exitcodes.txt
done 3< cases.txt
