# SPDX-License-Identifier: MIT
# paths.jq: every property of a JSON Schema, one line each (tab-separated):
# its key path as the .map files write it, req or opt (in its object's
# "required"), null or - (null allowed), its type, its values (enum, const).
# Conditional schemas (allOf) restate keys and are left out. For
# test/schemas-agree.sh.
def name($p):
  reduce range(0; $p | length) as $i ("";
    $p[$i] as $c | ($i > 0 and ($p[$i - 1] | tostring) == "properties") as $key
    | if $key then (if . == "" then $c else . + "." + $c end)
      elif $c == "properties" then .
      elif $c == "items" then . + "[]"
      elif $c == "$defs" then . + "#"
      elif ($i > 0 and $p[$i - 1] == "$defs") then . + $c
      elif $c == "oneOf" then . + "/"
      elif ($i > 0 and $p[$i - 1] == "oneOf") then . + ($c | tostring)
      else . + "?" + ($c | tostring) end);
. as $root
| def deref: if type == "object" and has("$ref")
    then .["$ref"] as $r | $root | getpath($r | ltrimstr("#/") | split("/")) else . end;
[paths(type == "object") | select(length > 1 and .[-2] == "properties"
    and (map(tostring) | index("allOf") | not))] | .[]
| . as $p
| ($root | getpath($p) | deref) as $n
| ($root | getpath($p[:-2]) | deref) as $parent
| [ name($p),
    (if (($parent.required // []) | index([$p[-1]])) then "req" else "opt" end),
    (if (($n.type | if type == "array" then index("null") else . == "null" end)
         or (($n.enum // []) | index([null]))) then "null" else "-" end),
    ($n.type // (if $n | has("enum") then "enum" elif $n | has("const") then "const" else "object" end)
     | if type == "array" then map(select(. != "null")) | join("|") else . end),
    ((($n.enum // []) + (if $n | has("const") then [$n.const] else [] end))
     | map(select(. != null) | tostring) | join(" "))
  ] | join("\t")
