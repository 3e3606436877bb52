# The engines behind the console's kubectl output formats and shell lines (issue 15).
target_sources(ordinal_core PRIVATE
    console/coreutils.cpp console/coreutils.h
    console/gotemplate.cpp console/gotemplate.h
    console/govalue.cpp console/govalue.h
    console/jsonpath.cpp console/jsonpath.h
    console/kubectlinfo.cpp console/kubectlinfo.h
    console/kubeyaml.cpp console/kubeyaml.h
    console/outputformat.cpp console/outputformat.h
    console/shellline.cpp console/shellline.h
)
