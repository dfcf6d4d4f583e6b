#!/usr/bin/env bash
# Captures every screen of the desk as text (120×40, demo data, a fixed clock) into Docs/screens/,
# by driving the real binary in tmux. Run after `swift build`; the captures are what Docs/DESK.md shows.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/debug/salesdesk
out=Docs/screens
db=$(mktemp -d)/demo.sqlite
socket=salesdesk-capture-$$
export SALESDESK_NOW=2026-11-24T09:30:00Z
"$binary" demo --db "$db" >/dev/null
mkdir -p "$out"
tmux -L "$socket" new-session -d -s desk -x 120 -y 40 "TERM=xterm-256color SALESDESK_NOW=$SALESDESK_NOW $binary --db $db --as ana; sleep 5"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT
send() { tmux -L "$socket" send-keys -t desk "$@"; sleep 0.4; }
capture() { tmux -L "$socket" capture-pane -p -t desk | sed -e 's/[[:space:]]*$//' > "$out/$1.txt"; }
sleep 1.5
capture agenda
send 2; capture leads
send Enter; capture lead-detail
send Escape 3; capture tickets
send Enter; capture ticket-detail
send Escape 4; capture follow-ups
send 5; capture board
send 6; capture inbox
send 1 c; capture complete-form
send Escape '?'; capture help
send Escape 2 /; send -l "stage:zzz"; capture filter-error
send Escape Escape
tmux -L "$socket" kill-server
tmux -L "$socket" new-session -d -s desk -x 120 -y 40 "TERM=xterm-256color SALESDESK_NOW=$SALESDESK_NOW $binary --db $db --as jonas; sleep 5"
sleep 1.5
send 7; sleep 0.5; capture reports
send 8; sleep 0.5; capture workflows
echo "captured: $(ls "$out" | tr '\n' ' ')"
