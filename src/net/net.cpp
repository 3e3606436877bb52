// placeholder translation unit until the DNS server lands
