#!/usr/bin/env bash
# Records what the real kubectl 1.33 prints for each case of cases.txt against
# `ordinal --serve-api`. Run from this folder with KUBECONFIG set.
set -u
mkdir -p expected
: > expected/exitcodes.txt
while IFS=$'\t' read -r name args <&3; do
    case "$name" in "" | "#"*) continue ;; esac
    eval "kubectl $args" > "expected/$name.out" 2> "expected/$name.err"
    printf '%s\t%d\n' "$name" $? >> expected/exitcodes.txt
done 3< cases.txt
