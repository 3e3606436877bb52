#!/usr/bin/env bash
# Runs a steps file line by line in bash, the way a user types them in a terminal, with the
# real kubectl ($KUBECTL) against $KUBECONFIG: each line is echoed as "$ line", then what it
# printed (stdout and stderr) and, when it failed, "[exit N]". Blank lines and # comments are
# skipped. Lines may use anything bash offers (for loops, $(...), pipes); their standard input
# is empty unless the line pipes something in.
#   run-steps.sh STEPS_FILE     (cwd: the folder the manifests are in)
set -u
steps=$1
kubectl() { command "$KUBECTL" "$@"; }
export -f kubectl 2>/dev/null || true
while IFS= read -r line <&3 || [ -n "$line" ]; do
    case "$line" in
    "" | "#"*) continue ;;
    esac
    printf '$ %s\n' "$line"
    eval "$line" 2>&1 </dev/null
    status=$?
    [ "$status" -ne 0 ] && printf '[exit %d]\n' "$status"
done 3< "$steps"
exit 0
