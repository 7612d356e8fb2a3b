#!/bin/sh
# .deb post-install: the headset udev rule (a copy of build-resources/linux/70-minsheng-headsets.rules).
set -e
cat > /etc/udev/rules.d/70-minsheng-headsets.rules <<'RULES'
SUBSYSTEM=="hidraw", IMPORT{builtin}="usb_id", ENV{ID_USB_INTERFACES}=="*:0101??:*", TAG+="uaccess"
SUBSYSTEM=="hidraw", ATTRS{idVendor}=="0b0e|047f|1395|6993", TAG+="uaccess"
RULES
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=hidraw || true
fi
