#!/usr/bin/env bash
# Records what bash 5.2 with GNU coreutils prints for each line of cases.txt, with the stand-in
# kubectl of fake-kubectl.sh. Error lines lose bash -c's "-c: line N:" (and the echoed line
# after a syntax error) so they read as an interactive bash prints them.
set -u
source ./fake-kubectl.sh
export -f kubectl
mkdir -p expected
: > expected/exitcodes.txt
while IFS=$'\t' read -r name line <&3; do
    case "$name" in "" | "#"*) continue ;; esac
    LC_ALL=C bash -c "$line" > "expected/$name.out" 2> "expected/$name.err" < /dev/null
    printf '%s\t%d\n' "$name" $? >> expected/exitcodes.txt
    sed -i -e '/^bash: -c: line [0-9]*: `/d' -e 's/^bash: -c: line [0-9]*: /bash: /' \
        -e 's/^bash: line [0-9]*: /bash: /' "expected/$name.err"
done 3< cases.txt
