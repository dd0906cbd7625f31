#!/bin/sh
# `make demo`: the main job on bundled samples. It starts where users start:
# a provider's notice if the notice reader is built in, else an INI
# definition; check it, then write a profile for every client format.
set -u
M=${1:-build/mailprof}
out=build/demo
mkdir -p "$out"
if "$M" formats | grep -q '^notice ' && [ -f samples/notice/demo-notice.txt ]; then
	in=samples/notice/demo-notice.txt
else
	in=samples/ini/port25.ini
fi
echo "== input: $in"
sed -n '1,40p' "$in" 2>/dev/null | head -40
echo
echo "== mailprof check $in"
"$M" check "$in"
echo "(exit $?: 1 means findings at error level; the fix lines say what to change)"
echo
echo "== mailprof convert --fix, if available, else as is"
src=$out/account.json
if "$M" convert --help 2>/dev/null | grep -q -- '--fix'; then
	"$M" convert --fix --to json -o "$src" "$in" || "$M" convert --to json -o "$src" "$in"
else
	"$M" convert --to json -o "$src" "$in"
fi
"$M" check "$src" && echo "(the converted account checks clean)"
echo
for f in $("$M" formats | awk 'NR > 1 && $3 == "yes" { print $1 }'); do
	[ "$f" = notice ] && continue
	"$M" convert --to "$f" -o "$out/account.$f" "$src" 2>/dev/null &&
		echo "wrote $out/account.$f ($(wc -c <"$out/account.$f") bytes)"
done
echo
echo "== $out/account.autoconfig"
cat "$out/account.autoconfig"
