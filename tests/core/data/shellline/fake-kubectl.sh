# A stand-in kubectl with fixed answers, so that bash runs the tutorials' shell lines with the
# same commands the test's runner answers (tst_shellline.cpp's fakeKubectl prints the same).
kubectl() {
    case "$*" in
    "get pods")
        printf 'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          10m\nweb-1   1/1     Running   2          9m\nweb-2   0/1     Pending   0          1m\n' ;;
    "get pods -o name")
        printf 'pod/web-0\npod/web-1\npod/web-2\n' ;;
    "get pod nosuch")
        echo 'Error from server (NotFound): pods "nosuch" not found' >&2
        return 1 ;;
    "exec "*" -- hostname")
        echo "$2" ;;
    *)
        printf 'kubectl'
        printf ' [%s]' "$@"
        printf '\n' ;;
    esac
}
