"""The checks of ``bench/two-hosts.sh``: two app hosts in network namespaces behind nginx."""
