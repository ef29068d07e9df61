#!/usr/bin/env bash
# Adds a device (or the job) to the broker's password and ACL files.
#   ./add-device.sh ATHLETE_ID DEVICE_ID [CONFIG_DIR]   device "ATHLETE_ID.DEVICE_ID", may publish
#                                                       tempostream/ATHLETE_ID/DEVICE_ID/imu and .../exercise only
#   ./add-device.sh --job [CONFIG_DIR]                  the job's login (user tempostream-job)
#   ./add-device.sh --feedback [CONFIG_DIR]             the job's feedback login (user tempostream-feedback),
#                                                       which publishes tempostream/ATHLETE_ID/feedback
# A device may also read its athlete's feedback topic, tempostream/ATHLETE_ID/feedback.
# The password is read from the environment (DEVICE_PASSWORD), never from the command line, so it
# does not end up in the shell history or the process list. Send mosquitto SIGHUP to reload.
set -euo pipefail
id_pattern='^[A-Za-z0-9_-]{1,64}$'
if [ "${1:-}" = --job ]; then
  user=tempostream-job
  dir="${2:-/etc/mosquitto/tempostream}"
  acl_block=""
elif [ "${1:-}" = --feedback ]; then
  user=tempostream-feedback
  dir="${2:-/etc/mosquitto/tempostream}"
  acl_block=""
else
  athlete="${1:?usage: add-device.sh ATHLETE_ID DEVICE_ID [CONFIG_DIR] | --job [CONFIG_DIR] | --feedback [CONFIG_DIR]}"
  device="${2:?usage: add-device.sh ATHLETE_ID DEVICE_ID [CONFIG_DIR] | --job [CONFIG_DIR] | --feedback [CONFIG_DIR]}"
  dir="${3:-/etc/mosquitto/tempostream}"
  [[ "$athlete" =~ $id_pattern ]] || { echo "add-device.sh: athlete id must match [A-Za-z0-9_-]{1,64}, got '$athlete'" >&2; exit 2; }
  [[ "$device" =~ $id_pattern ]] || { echo "add-device.sh: device id must match [A-Za-z0-9_-]{1,64}, got '$device'" >&2; exit 2; }
  user="$athlete.$device"
  acl_block=$'\n'"user $user"$'\n'"topic write tempostream/$athlete/$device/imu"$'\n'"topic write tempostream/$athlete/$device/exercise"$'\n'"topic read tempostream/$athlete/feedback"$'\n'
fi
: "${DEVICE_PASSWORD:?set DEVICE_PASSWORD to the password for $user}"
# The hashes are for the broker's eyes only: readable by its owner alone (mosquitto_passwd would
# leave the file world-readable). Mosquitto 2 reads it after dropping to the mosquitto user, so
# as root the file goes to that user.
(umask 077; touch "$dir/passwords")
chmod 600 "$dir/passwords"
if [ "$(id -u)" = 0 ] && id mosquitto >/dev/null 2>&1; then
  chown mosquitto: "$dir/passwords"
fi
# On stdin, not as an argument: arguments are visible to every user in the process list.
printf '%s\n%s\n' "$DEVICE_PASSWORD" "$DEVICE_PASSWORD" | mosquitto_passwd "$dir/passwords" "$user" >/dev/null
chmod 600 "$dir/passwords"
if [ -n "$acl_block" ] && ! grep -qx "user $user" "$dir/acl"; then
  printf '%s' "$acl_block" >> "$dir/acl"
fi
echo "added $user"
