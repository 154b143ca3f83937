#!/usr/bin/env bash
# Rebuilds the embedded lexicons (src/lexicon/data/*.fst) from Debian's
# hunspell dictionaries. Run from the repository root; needs root for apt-get
# (skipped when the packages are installed). The outputs are committed, so a
# normal build never runs this.
set -euo pipefail
PKGS="hunspell-fr-comprehensive hunspell-en-us hunspell-tools"
missing=$(for p in $PKGS; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"; done)
[ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unmunch /usr/share/hunspell/fr.dic /usr/share/hunspell/fr.aff 2>/dev/null > "$tmp/fr-raw.txt"
unmunch /usr/share/hunspell/en_US.dic /usr/share/hunspell/en_US.aff 2>/dev/null > "$tmp/en-raw.txt"
python3 scripts/lexicon_words.py french "$tmp/fr-raw.txt" "$tmp/fr.txt" "$tmp/fr-names.txt"
python3 scripts/lexicon_words.py english "$tmp/en-raw.txt" "$tmp/en.txt"
cargo run --release --quiet --example build_lexicon -- "$tmp/fr.txt" src/lexicon/data/fr.fst
cargo run --release --quiet --example build_lexicon -- "$tmp/fr-names.txt" src/lexicon/data/fr-names.fst
cargo run --release --quiet --example build_lexicon -- "$tmp/en.txt" src/lexicon/data/en.fst
cp /usr/share/doc/hunspell-fr-comprehensive/copyright src/lexicon/data/COPYRIGHT-fr.txt
cp /usr/share/doc/hunspell-en-us/copyright src/lexicon/data/COPYRIGHT-en.txt
cp /usr/share/common-licenses/MPL-2.0 src/lexicon/data/LICENSE-MPL-2.0.txt
{
  echo "# Sources of the embedded lexicons"
  dpkg-query -W -f='${Package} ${Version}\n' $PKGS
} > src/lexicon/data/SOURCES.txt
ls -la src/lexicon/data
