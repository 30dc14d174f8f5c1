# Enlarged real inputs for the benchmarks (PEER-OCDSKIT.md section 4: real data copied with ocid/id
# suffixes), shared by the bench scripts. Source it with R (the real data folder) and WORK set, then
# `build_input NAME` writes $WORK/NAME.jsonl unless it is there already.
#   impic-x100  Portugal IMPIC release package ×100      gacm-x50  Mexico GACM release package ×50
#   dncp-x200   Paraguay DNCP 1.1 releases ×200, as one release package per copy
build_input() {
  local name=$1 out="$WORK/$1.jsonl"
  [ -s "$out" ] && return 0
  echo "building $out ..." >&2
  case $name in
    impic-x100) jq -c --argjson n 100 '. as $p | range($n) as $i | $p | .releases |= map(.ocid = "\(.ocid)-c\($i)" | .id = "\(.id)-c\($i)")' "$R/portugal-impic/release-package.json" > "$out.tmp" ;;
    gacm-x50) jq -c --argjson n 50 '. as $p | range($n) as $i | $p | .releases |= map(.ocid = "\(.ocid)-c\($i)" | .id = "\(.id)-c\($i)")' "$R/mexico-gacm/release-package.json" > "$out.tmp" ;;
    dncp-x200) jq -c --argjson n 200 --slurp '. as $rs | range($n) as $i | {uri:"urn:bench", publishedDate:"2017-09-08T00:00:00Z", publisher:{name:"DNCP - Paraguay"}, version:"1.1", releases: ($rs | map(.ocid = "\(.ocid)-c\($i)" | .id = "\(.id)-c\($i)"))}' "$R/paraguay-dncp/releases-v1.1.jsonl" > "$out.tmp" ;;
    *) echo "error: unknown input $name" >&2; exit 1 ;;
  esac
  mv "$out.tmp" "$out"
}
