# Cluster DNS: zone, pod resolver, wire codec, nslookup/dig output.
target_sources(ordinal_core PRIVATE
)
