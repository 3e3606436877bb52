# Cluster DNS: zone, pod resolver, wire codec, nslookup/dig output.
target_sources(ordinal_core PRIVATE
    dns/clusterdns.cpp dns/clusterdns.h
    dns/dnsmessage.cpp dns/dnsmessage.h
    dns/dnstools.cpp dns/dnstools.h
    dns/podresolver.cpp dns/podresolver.h
)
