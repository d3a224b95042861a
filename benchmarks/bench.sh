#!/usr/bin/env bash
# Passerine benchmarks: builds what they need, starts what they need, measures, prints one table.
#
#   benchmarks/bench.sh                 # everything (≈ 15 min on 2 cores)
#   benchmarks/bench.sh micro stampede  # only some: micro | guard | stampede | threads | startup | throughput | profile | wildfly | memory | cluster | moonshot | form | login | hostile
#
# Every number is a median of BENCH_RUNS runs (default 5) with its baseline measured in the same invocation.
# Environment: BENCH_RUNS=5, BURST_CALLERS=200, BURST_DELAY_MS=500, WRK_SECONDS=10, WRK_WARMUP_ROUNDS=3, LOGIN_SECONDS=10,
# LOGIN_USERS="1 10 50", PROFILE_SECONDS=20, MVN_ARGS (e.g. -o), BENCH_SKIP_BUILD=1 (reuse the last build). Liberty runs as
# server "passerine-bench" under benchmarks/target/liberty on port 9180 (never the tests' 9080), and the X emulator, as X
# would, in a server of its own, "x-emulator-bench" (server-config/emulator with benchmarks/liberty/emulator/*) on 9181
# (never the tests' 9081); WildFly (section wildfly) runs from benchmarks/target/wildfly with port offset 1100 (HTTP on
# 9180 too, management 11090). Each section that starts a server holds the tests' lock /tmp/passerine-it.lock for that
# section only (each under ~10 minutes) and stops its servers before releasing it, and on exit whatever happens. See
# BENCHMARKS.md for each number.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=$ROOT/benchmarks
T=$B/target
LOGS=$T/bench-logs
RESULTS=$T/results.tsv
RUNS=${BENCH_RUNS:-5}
WRK_SECONDS=${WRK_SECONDS:-10}
LOGIN_SECONDS=${LOGIN_SECONDS:-10}
PORT=9180
SERVER=passerine-bench
LOCK=/tmp/passerine-it.lock
LIBERTY_VERSION=$(sed -n 's:.*<liberty.runtime.version>\(.*\)</liberty.runtime.version>.*:\1:p' "$ROOT/pom.xml")
WLP=$T/liberty/wlp
SDIR=$WLP/usr/servers/$SERVER
EMULATOR=x-emulator-bench
EDIR=$WLP/usr/servers/$EMULATOR
JAR=$B/micro/target/benchmarks.jar

sections=("$@")
[ ${#sections[@]} -eq 0 ] && sections=(micro guard stampede threads startup throughput wildfly memory cluster moonshot form login hostile)
wants() { local s; for s in "${sections[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

log() { printf '\n=== %s (%s, load %s)\n' "$*" "$(date +%T)" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "NaN"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b == 0) print "NaN"; else printf "%.3g", a/b}'; }
row() { printf 'RESULT\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" | tee -a "$RESULTS" >&2; }
meets() { awk -v r="$1" -v op="$2" -v t="$3" 'BEGIN {ok = (op == ">=") ? (r >= t) : (r <= t); print ok ? "yes" : "NO"}'; }

mkdir -p "$LOGS"
: > "$RESULTS"

# ---------------------------------------------------------------- build
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "build"
  (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} -pl x-emulator,sample-war,benchmarks/micro,benchmarks/bench-app,benchmarks/empty-app,benchmarks/social-app,benchmarks/floor-app \
      -am package -DskipTests) >&2
fi

# ---------------------------------------------------------------- 1. JMH
if wants micro; then
  log "1. JMH: AppOnlyTokenClient.token() cached vs volatile read ($RUNS forks, -prof gc)"
  java -cp "$JAR" io.passerine.bench.MicroBench "$RUNS" 3 5 1 > "$LOGS/micro.log" 2>&1 || { tail -50 "$LOGS/micro.log" >&2; exit 1; }
  sed -n '/^Per fork/,$p' "$LOGS/micro.log" | grep -v '^RESULT' >&2
  grep '^RESULT' "$LOGS/micro.log" | tee -a "$RESULTS" >&2
fi

# ---------------------------------------------------------------- 1d. JMH: query guard (issue 13)
if wants guard; then
  log "1d. JMH: query guard vs parsing a hostile callback query (guard: $RUNS forks; Nimbus parse: one shot, ≈ 1 min)"
  java -cp "$JAR" io.passerine.bench.QueryGuardBench "$RUNS" 3 5 1 > "$LOGS/guard.log" 2>&1 || { tail -50 "$LOGS/guard.log" >&2; exit 1; }
  grep '^RESULT' "$LOGS/guard.log" | tee -a "$RESULTS" >&2
fi

# ---------------------------------------------------------------- 2. stampede
if wants stampede; then
  log "2. stampede: token-endpoint calls, cold start and expiry ($RUNS runs)"
  java -cp "$JAR" io.passerine.bench.Stampede "$RUNS" 100 > "$LOGS/stampede.log" 2>&1 || { tail -50 "$LOGS/stampede.log" >&2; exit 1; }
  grep -v '^RESULT' "$LOGS/stampede.log" >&2
  grep '^RESULT' "$LOGS/stampede.log" | tee -a "$RESULTS" >&2
fi

# ---------------------------------------------------------------- 6. threads held during a cold burst
if wants threads; then
  log "6. threads held during a cold burst: tokenAsync() vs blocking token() ($RUNS runs, ${BURST_CALLERS:-200} callers, token endpoint ${BURST_DELAY_MS:-500} ms)"
  java -cp "$JAR" io.passerine.bench.ColdBurstThreads "$RUNS" "${BURST_CALLERS:-200}" "${BURST_DELAY_MS:-500}" > "$LOGS/threads.log" 2>&1 || { tail -50 "$LOGS/threads.log" >&2; exit 1; }
  grep -v '^RESULT' "$LOGS/threads.log" >&2
  grep '^RESULT' "$LOGS/threads.log" | tee -a "$RESULTS" >&2
fi

# ---------------------------------------------------------------- servers (Liberty, WildFly)
# Every section that starts a server takes the project's global lock /tmp/passerine-it.lock (the tests' lock: tests
# and benchmarks never overlap) for that section only (each stays under ~10 minutes) and stops its servers before
# releasing it.
server_sections=false
for s in startup throughput profile login hostile wildfly memory cluster moonshot form; do wants $s && server_sections=true; done

server_pid() { cat "$WLP/usr/servers/.pid/${1:-$SERVER}.pid" 2>/dev/null || true; }
stop_server() { # [server name]
  if [ -n "$(server_pid "${1:-}")" ] && kill -0 "$(server_pid "${1:-}")" 2>/dev/null; then
    "$WLP/bin/server" stop "${1:-$SERVER}" >> "$LOGS/liberty-control.log" 2>&1 || true
  fi
}
WF_VERSION=$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' "$ROOT/pom.xml" "$ROOT/sample-war/pom.xml" | head -1)
WFH=$T/wildfly/wildfly-$WF_VERSION
WF_OFFSET=1100 # HTTP 8080 + 1100 = 9180 (the bench port: same URLs and redirect URI as on Liberty), management 11090
wildfly_pid() { pgrep -f "jboss.home.dir=$WFH " 2>/dev/null | head -1 || true; }
stop_wildfly() {
  local pid; pid=$(wildfly_pid)
  [ -n "$pid" ] || return 0
  "$WFH/bin/jboss-cli.sh" --connect --controller=localhost:$((9990 + WF_OFFSET)) --command=:shutdown \
    >> "$LOGS/wildfly-control.log" 2>&1 || kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}
LOCKED_AT=0
lock() { # section
  log "waiting for $LOCK ($1)"
  exec 9> "$LOCK"
  flock 9
  LOCKED_AT=$(date +%s)
  stop_server; stop_server $EMULATOR; stop_wildfly # servers left by an interrupted run of this script
}
unlock() {
  stop_server; stop_server $EMULATOR; stop_wildfly
  flock -u 9
  log "released $LOCK after $(( $(date +%s) - LOCKED_AT )) s"
}
configure() { # scenario (startup-empty | startup-sample | login)
  cp "$ROOT/server-config/liberty/server.xml" "$SDIR/passerine-base.xml"
  cp "$B/liberty/$1.xml" "$SDIR/server.xml"
  cp "$B/liberty/bootstrap.properties" "$B/liberty/jvm.options" "$SDIR/"
}
start_server() { # prints the wall-clock seconds of `server start` (returns when the server reports it is ready)
  local t0 t1
  t0=$(date +%s.%N)
  "$WLP/bin/server" start "$SERVER" >> "$LOGS/liberty-control.log" 2>&1 || { tail -40 "$SDIR/logs/messages.log" >&2; return 1; }
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f\n", b-a}'
}
wait_for() { # url, expected status
  local i
  for i in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = "$2" ] && return 0
    sleep 0.5
  done
  echo "timed out waiting for $2 from $1" >&2; return 1
}
heap_after_gc_mib() { # [pid]: used heap after a full GC, MiB
  local pid; pid=${1:-$(server_pid)}
  jcmd "$pid" GC.run > /dev/null
  sleep 1
  jcmd "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{sub("K","",$2); printf "%.1f\n", $2/1024}'
}
rss_mib() { awk '/VmRSS/ {printf "%.0f\n", $2/1024}' "/proc/$(server_pid)/status"; }
start_emulator() {
  "$WLP/bin/server" start "$EMULATOR" >> "$LOGS/liberty-control.log" 2>&1 || { tail -40 "$EDIR/logs/messages.log" >&2; exit 1; }
}
start_login_servers() { # the emulator's server, then Liberty with bench.war, floor.war and social.war
  configure login
  [ $# -eq 0 ] || printf '%s\n' "$@" >> "$SDIR/jvm.options" # one JVM option per line
  log "starting the X emulator's server ($EMULATOR, port 9181) and Liberty with bench.war, floor.war and social.war"
  start_emulator
  start_server > /dev/null
  wait_for "http://localhost:$PORT/bench/api/open/hello" 200
  wait_for "http://localhost:$PORT/floor/api/open/hello" 200
  wait_for "http://localhost:$PORT/social/api/open/hello" 200
}
if wants throughput || wants hostile || wants profile || wants wildfly || wants cluster || wants moonshot || wants form; then
  if ! command -v wrk > /dev/null; then
    log "installing wrk"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >&2
  fi
fi
wrk_rps() { # seconds url [cookie]: req/s; fails on any non-2xx answer
  local out
  if [ $# -gt 2 ]; then out=$(wrk -t1 -c16 -d"$1s" -H "Cookie: $3" "$2"); else out=$(wrk -t1 -c16 -d"$1s" "$2"); fi
  echo "$out" >> "$LOGS/wrk.log"
  if echo "$out" | grep -q 'Non-2xx'; then echo "wrk saw non-2xx answers on $2" >&2; echo "$out" >&2; exit 1; fi
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}
expect() { # what url [cookie]: the body (or status with what=status) must match
  local got
  if [ "$1" = status ]; then got=$(curl -s -o /dev/null -w '%{http_code}' ${4:+-H "Cookie: $4"} "$3"); else got=$(curl -s ${4:+-H "Cookie: $4"} "$3"); fi
  [ "$got" = "$2" ] || { echo "expected $2 from $3${4:+ with cookie}, got $got" >&2; exit 1; }
}
floor_ltpa_cookie() { # the LTPA cookie Liberty sets when the floor mechanism registers its login (useLtpaSSOForJaspic);
  # checked to open the protected endpoint on its own (the mechanism itself would answer 401 to it)
  local c
  c=$(curl -s -D - -o /dev/null -H "Cookie: floor=register" "$floor_url" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(LtpaToken2=[^;]*\).*/\1/p' | head -1)
  [ -n "$c" ] || { echo "no LTPA cookie after setRegisterSession with useLtpaSSOForJaspic" >&2; exit 1; }
  expect body hello "$floor_url" "$c"
  echo "$c"
}
floor_session_cookie() { # base URL: the JSESSIONID of a session the floor mechanism accepts (diagnostic 3h)
  curl -s -D - -o /dev/null -X POST "$1/floor/api/open/session" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(JSESSIONID=[^;]*\).*/\1/p' | head -1
}
# alternate: label=url[|cookie] ... ; WARMUP rounds of 10 s, then RUNS runs; sets M[label] to the medians
declare -A M
alternate() {
  local spec label rest url ck i v line
  declare -A vals
  for i in $(seq 1 "${WRK_WARMUP_ROUNDS:-3}"); do
    for spec in "$@"; do rest=${spec#*=}; url=${rest%%|*}; ck=${rest#*|}; [ "$ck" = "$rest" ] && ck=""
      wrk_rps 10 "$url" ${ck:+"$ck"} > /dev/null; done
  done
  for i in $(seq 1 "$RUNS"); do
    line="  run $i (load $(cut -d' ' -f1 /proc/loadavg))"
    for spec in "$@"; do label=${spec%%=*}; rest=${spec#*=}; url=${rest%%|*}; ck=${rest#*|}; [ "$ck" = "$rest" ] && ck=""
      v=$(wrk_rps "$WRK_SECONDS" "$url" ${ck:+"$ck"}); vals[$label]+="$v "; line+="  $label $v"; done
    echo "$line" >&2
  done
  for spec in "$@"; do label=${spec%%=*}; M[$label]=$(echo ${vals[$label]} | tr ' ' '\n' | median); done
}

if $server_sections; then
  if [ ! -x "$WLP/bin/server" ]; then
    log "Open Liberty $LIBERTY_VERSION runtime"
    zip=$HOME/.m2/repository/io/openliberty/openliberty-runtime/$LIBERTY_VERSION/openliberty-runtime-$LIBERTY_VERSION.zip
    [ -f "$zip" ] || (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} dependency:get -Dartifact="io.openliberty:openliberty-runtime:$LIBERTY_VERSION:zip") >&2
    mkdir -p "$T/liberty" && unzip -q -o "$zip" -d "$T/liberty"
  fi
  [ -d "$SDIR" ] || "$WLP/bin/server" create "$SERVER" > /dev/null
  mkdir -p "$SDIR/apps" "$EDIR/apps"
  cp "$ROOT/sample-war/target/sample.war" "$B/empty-app/target/empty.war" "$B/bench-app/target/bench.war" \
     "$B/social-app/target/social.war" "$B/floor-app/target/floor.war" "$SDIR/apps/"
  cp "$B/floor-app/target/form-form.war" "$SDIR/apps/form.war"
  cp "$ROOT/server-config/emulator/server.xml" "$B/liberty/emulator/bootstrap.properties" \
     "$B/liberty/emulator/jvm.options" "$EDIR/"
  cp "$ROOT/x-emulator/target/x-emulator.war" "$EDIR/apps/x-emulator.war"
  trap 'stop_server; stop_server $EMULATOR; stop_wildfly' EXIT
fi

# ---------------------------------------------------------------- 5. start time and heap
if wants startup; then
  lock startup
  log "5. server start time and heap after start: sample vs empty app ($RUNS runs each, one discarded warm-up start each)"
  declare -A start_s heap rss
  for app in empty sample; do start_s[$app]=""; heap[$app]=""; rss[$app]=""; done
  for i in $(seq 0 "$RUNS"); do
    for app in empty sample; do
      configure "startup-$app"
      s=$(start_server)
      wait_for "http://localhost:$PORT/$app/" 200
      h=$(heap_after_gc_mib); r=$(rss_mib)
      stop_server
      if [ "$i" -gt 0 ]; then
        start_s[$app]+="$s "; heap[$app]+="$h "; rss[$app]+="$r "
        printf '  run %d %-6s start %5ss  heap after GC %6s MiB  RSS %4s MiB\n' "$i" "$app" "$s" "$h" "$r" >&2
      fi
    done
  done
  unlock
  for m in start_s heap rss; do
    declare -n arr=$m
    e=$(echo ${arr[empty]} | tr ' ' '\n' | median); s=$(echo ${arr[sample]} | tr ' ' '\n' | median)
    case $m in
      start_s) label="5. server start (server start → ready), s";;
      heap) label="5. heap used after start + full GC, MiB";;
      rss) label="5. process RSS after start, MiB";;
    esac
    row "$label" "$s (sample)" "$e (empty app)" "$(ratio "$s" "$e")x" "-" "-"
    unset -n arr
  done
fi

# ---------------------------------------------------------------- 3. wrk on Liberty: unprotected, floor, Passerine
base="http://localhost:$PORT"
open_url="$base/bench/api/open/hello"
secure_url="$base/bench/api/secure/hello"
floor_url="$base/floor/api/secure/hello"
social_url="$base/social/api/secure/hello"
if wants throughput; then
  lock throughput
  start_login_servers
  log "3. wrk (-t1 -c16): unprotected vs floor (trivial mechanism) vs Passerine session vs socialLogin, alternating"
  cookie=$(java -cp "$JAR" io.passerine.bench.LoginClient cookie "$secure_url")
  lcookie=$(java -cp "$JAR" io.passerine.bench.LoginClient cookie "$social_url")
  scookie=$(floor_session_cookie "$base")
  expect body hello "$secure_url" "$cookie"; expect status 401 "$secure_url"
  expect body hello "$floor_url" "floor=1"; expect body hello "$floor_url" "$scookie"; expect status 401 "$floor_url"
  social=(social="$social_url|$lcookie")
  if [ "$(curl -s -H "Cookie: $lcookie" "$social_url")" != hello ]; then
    echo "  the socialLogin cookie does not open $social_url with curl: row 3a left out" >&2; social=()
  fi
  alternate open="$open_url" floor="$floor_url|floor=1" floorsession="$floor_url|$scookie" \
            passerine="$secure_url|$cookie" "${social[@]}"
  unlock
  om=${M[open]}; fm=${M[floor]}; pm=${M[passerine]}
  row "3. protected GET, Passerine session, Liberty (wrk -t1 -c16), req/s" "$pm" "$om (same endpoint unprotected)" "$(ratio "$pm" "$om")" "-" "-"
  row "3f. floor: trivial mechanism (notifyContainerAboutLogin only), Liberty, req/s" "$fm" "$om (unprotected)" "$(ratio "$fm" "$om")" "-" "-"
  r=$(ratio "$pm" "$fm")
  row "3g. Passerine session vs the floor, Liberty, req/s" "$pm" "$fm (floor)" "$r" ">= 0.97" "$(meets "$r" ">=" 0.97)"
  row "3h. diagnostic: floor + HTTP session lookup, Liberty, req/s" "${M[floorsession]}" "$fm (floor)" "$(ratio "${M[floorsession]}" "$fm")" "-" "-"
  [ ${#social[@]} -eq 0 ] || row "3a. context: Liberty socialLogin (LTPA cookie), req/s" "${M[social]}" "$om (unprotected)" "$(ratio "${M[social]}" "$om")" "-" "-"
fi

# ---------------------------------------------------------------- 3p. JFR profile of the per-request path
if wants profile; then
  lock profile
  start_login_servers -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
  log "3p. JFR (settings=profile, ${PROFILE_SECONDS:-20} s of wrk each): Passerine session vs floor"
  cookie=$(java -cp "$JAR" io.passerine.bench.LoginClient cookie "$secure_url")
  expect body hello "$secure_url" "$cookie"; expect body hello "$floor_url" "floor=1"
  for i in 1 2; do wrk_rps 10 "$secure_url" "$cookie" > /dev/null; wrk_rps 10 "$floor_url" "floor=1" > /dev/null; done
  pid=$(server_pid)
  for who in passerine floor; do
    if [ $who = passerine ]; then url=$secure_url; ck=$cookie; else url=$floor_url; ck=floor=1; fi
    jcmd "$pid" JFR.start name=$who settings=profile > /dev/null
    v=$(wrk_rps "${PROFILE_SECONDS:-20}" "$url" "$ck")
    jcmd "$pid" JFR.stop name=$who filename="$LOGS/$who.jfr" > /dev/null
    echo "  $who: $v req/s under JFR" >&2
  done
  unlock
  for who in passerine floor; do
    echo "  --- $who ($LOGS/$who.jfr)" >&2
    python3 "$B/jfr-top.py" "$LOGS/$who.jfr" >&2
  done
fi

# ---------------------------------------------------------------- 3w. WildFly: unprotected, floor, Passerine
if wants wildfly; then
  if [ ! -x "$WFH/bin/standalone.sh" ]; then
    log "WildFly $WF_VERSION (unpacked from the wildfly-dist zip, configured by server-config/wildfly/configure.cli)"
    zip=$HOME/.m2/repository/org/wildfly/wildfly-dist/$WF_VERSION/wildfly-dist-$WF_VERSION.zip
    [ -f "$zip" ] || (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} dependency:get -Dartifact="org.wildfly:wildfly-dist:$WF_VERSION:zip") >&2
    mkdir -p "$T/wildfly" && unzip -q -o "$zip" -d "$T/wildfly"
    "$WFH/bin/jboss-cli.sh" --file="$ROOT/server-config/wildfly/configure.cli" >> "$LOGS/wildfly-control.log" 2>&1
  fi
  cp "$B/bench-app/target/bench.war" "$B/floor-app/target/floor.war" "$WFH/standalone/deployments/"
  lock wildfly
  log "starting the X emulator's server and WildFly $WF_VERSION (port $PORT) with bench.war and floor.war"
  start_emulator
  "$WFH/bin/standalone.sh" -Djboss.socket.binding.port-offset=$WF_OFFSET > "$LOGS/wildfly-console.log" 2>&1 &
  wait_for "$open_url" 200
  wait_for "$base/floor/api/open/hello" 200
  log "3w. wrk on WildFly: unprotected vs floor vs Passerine session, alternating"
  cookie=$(java -cp "$JAR" io.passerine.bench.LoginClient cookie "$secure_url")
  expect body hello "$secure_url" "$cookie"; expect status 401 "$secure_url"
  expect body hello "$floor_url" "floor=1"; expect status 401 "$floor_url"
  scookie=$(floor_session_cookie "$base")
  expect body hello "$floor_url" "$scookie"
  alternate open="$open_url" floor="$floor_url|floor=1" floorsession="$floor_url|$scookie" passerine="$secure_url|$cookie"
  unlock
  om=${M[open]}; fm=${M[floor]}; pm=${M[passerine]}
  row "3w. diagnostic: floor + HTTP session lookup, WildFly, req/s" "${M[floorsession]}" "$fm (floor)" "$(ratio "${M[floorsession]}" "$fm")" "-" "-"
  row "3w. Passerine session vs floor + HTTP session lookup, WildFly, req/s" "$pm" "${M[floorsession]} (floor + session)" "$(ratio "$pm" "${M[floorsession]}")" "-" "-"
  row "3w. protected GET, Passerine session, WildFly, req/s" "$pm" "$om (unprotected)" "$(ratio "$pm" "$om")" "-" "-"
  row "3w. floor: trivial mechanism, WildFly, req/s" "$fm" "$om (unprotected)" "$(ratio "$fm" "$om")" "-" "-"
  r=$(ratio "$pm" "$fm")
  row "3w. Passerine session vs the floor, WildFly, req/s" "$pm" "$fm (floor)" "$r" ">= 0.97" "$(meets "$r" ">=" 0.97)"
fi

# ---------------------------------------------------------------- 3c. hostile callback (issue 13)
if wants hostile; then
  lock hostile
  start_login_servers
  repeats=${HOSTILE_REPEATS:-5000}
  log "3c. wrk: a hostile callback (a=1& x $repeats) refused by the query guard vs an unprotected GET"
  hostile_url="$base/bench/oauth2/callback?code=c&state=s&$(printf 'a=1&%.0s' $(seq 1 "$repeats"))"
  status=$(curl -s -o /dev/null -w '%{http_code}' "$hostile_url")
  [ "$status" = 400 ] || { echo "the hostile callback answered $status, not 400" >&2; exit 1; }
  wrk_any() { # seconds url: req/s, any status (the hostile callback answers 400)
    local out; out=$(wrk -t1 -c16 -d"$1s" "$2"); echo "$out" >> "$LOGS/wrk-hostile.log"
    echo "$out" | awk '/Requests\/sec/ {print $2}'
  }
  same_query_url="$open_url?${hostile_url#*\?}" # the unprotected GET carrying the same 20 KB query (not read)
  wrk_any 10 "$open_url" > /dev/null; wrk_any 10 "$hostile_url" > /dev/null; wrk_any 10 "$same_query_url" > /dev/null
  o=""; h=""; q=""
  for i in $(seq 1 "$RUNS"); do
    a=$(wrk_any "$WRK_SECONDS" "$open_url"); b=$(wrk_any "$WRK_SECONDS" "$hostile_url")
    c=$(wrk_any "$WRK_SECONDS" "$same_query_url")
    o+="$a "; h+="$b "; q+="$c "
    printf '  run %d  unprotected GET %9s req/s   hostile callback (400) %9s req/s   unprotected GET + same query %9s req/s\n' "$i" "$a" "$b" "$c" >&2
  done
  unlock
  om=$(echo $o | tr ' ' '\n' | median); hm=$(echo $h | tr ' ' '\n' | median); qm=$(echo $q | tr ' ' '\n' | median)
  r=$(ratio "$hm" "$om")
  row "3c. hostile callback (a=1& x $repeats) refused, req/s" "$hm" "$om (unprotected GET)" "$r" ">= 0.5" "$(meets "$r" ">=" 0.5)"
  row "3c. the same, vs the unprotected GET carrying the same query, req/s" "$hm" "$qm (GET + query)" "$(ratio "$hm" "$qm")" "-" "-"
fi

# ---------------------------------------------------------------- 4. login round trips and latency
if wants login; then
  lock login
  start_login_servers
  users=${LOGIN_USERS:-1 10 50}
  log "4. full PKCE logins: rate and latency (p50/p99) at $users concurrent users, Passerine vs Liberty socialLogin oauth2Login (through the PKCE shim), alternating"
  pass_url="$secure_url"
  lib_url="$social_url"
  lr() { java -cp "$JAR" io.passerine.bench.LoginClient roundtrips "$1" "$2" "$LOGIN_SECONDS" "$3" "${4:-0}" 2>> "$LOGS/login.log" | tee -a "$LOGS/login.log"; }
  declare -A LR
  for c in $users; do
    lr passerine "$pass_url" "$c" 5 > /dev/null; lr liberty "$lib_url" "$c" 5 > /dev/null # warm-up
    for i in $(seq 1 "$RUNS"); do
      a=$(lr passerine "$pass_url" "$c"); b=$(lr liberty "$lib_url" "$c")
      echo "  $c users, run $i  $(echo "$a" | cut -f2-)   |   $(echo "$b" | cut -f2-)" >&2
      for who in p l; do
        [ $who = p ] && line=$a || line=$b
        LR[$who.rate.$c]+="$(echo "$line" | cut -f3) "; LR[$who.p50.$c]+="$(echo "$line" | cut -f7) "
        LR[$who.p99.$c]+="$(echo "$line" | cut -f8) "
      done
    done
  done
  unlock
  for c in $users; do
    for m in rate p50 p99; do
      pm=$(echo ${LR[p.$m.$c]} | tr ' ' '\n' | median); lm=$(echo ${LR[l.$m.$c]} | tr ' ' '\n' | median); r=$(ratio "$pm" "$lm")
      case $m in
        rate) row "4. full login round trips/s, $c users" "$pm (Passerine, PKCE S256)" "$lm (Liberty oauth2Login + PKCE shim)" "$r" ">= 1" "$(meets "$r" ">=" 1)";;
        *) row "4. login latency $m, $c users, ms" "$pm (Passerine)" "$lm (Liberty oauth2Login + PKCE shim)" "$r" "-" "-";;
      esac
    done
  done
fi

# ---------------------------------------------------------------- 7. memory per logged-in session
heap_after_gc_kib() { # used heap after two full GCs, KiB
  local pid; pid=$(server_pid)
  jcmd "$pid" GC.run > /dev/null; jcmd "$pid" GC.run > /dev/null
  sleep 1
  jcmd "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{sub("K","",$2); print $2}'
}
histogram() { jcmd "$(server_pid)" GC.class_histogram > "$LOGS/$1.histo"; }
if wants memory; then
  n=${MEMORY_SESSIONS:-10000}
  lock memory
  start_login_servers
  log "7. memory: $n logged-in sessions (full logins through the emulator) vs $n empty sessions, heap after full GC"
  java -cp "$JAR" io.passerine.bench.SessionFill logins "$secure_url" 300 4 >&2 # warm-up: JIT, classes, caches
  java -cp "$JAR" io.passerine.bench.SessionFill empty "$base/bench/api/probe/new-session" 300 8 >&2
  h0=$(heap_after_gc_kib); histogram mem0
  java -cp "$JAR" io.passerine.bench.SessionFill empty "$base/bench/api/probe/new-session" "$n" 8 >&2
  h1=$(heap_after_gc_kib); histogram mem1
  java -cp "$JAR" io.passerine.bench.SessionFill logins "$secure_url" "$n" 4 >&2
  h2=$(heap_after_gc_kib); histogram mem2
  unlock
  echo "  heap after GC: start $h0 KiB, + $n empty sessions $h1 KiB, + $n logged-in sessions $h2 KiB" >&2
  empty_b=$(awk -v a="$h0" -v b="$h1" -v n="$n" 'BEGIN {printf "%.0f", (b-a)*1024/n}')
  login_b=$(awk -v a="$h1" -v b="$h2" -v n="$n" 'BEGIN {printf "%.0f", (b-a)*1024/n}')
  extra=$((login_b - empty_b))
  row "7. heap per logged-in session (full login), bytes" "$login_b" "$empty_b (empty session)" "$(ratio "$login_b" "$empty_b")" "-" "-"
  row "7. Passerine's share: logged-in minus empty session, bytes" "$extra" "-" "-" "<= 2048" "$(awk -v e="$extra" 'BEGIN {print (e <= 2048) ? "yes" : "NO"}')"
  echo "  what the $n logins added (class histogram, logged-in minus empty phase, top 15 by bytes):" >&2
  python3 - "$LOGS/mem1.histo" "$LOGS/mem2.histo" "$n" <<'PY' >&2
import sys
def read(p):
    d = {}
    for line in open(p):
        f = line.split()
        if len(f) >= 4 and f[0].rstrip(':').isdigit():
            d[f[3]] = (int(f[1]), int(f[2]))
    return d
a, b, n = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
delta = sorted(((b[k][1] - a.get(k, (0, 0))[1], b[k][0] - a.get(k, (0, 0))[0], k) for k in b), reverse=True)
for bytes_, count, k in delta[:15]:
    print(f"    {bytes_ / n:8.1f} B/session  {count / n:6.2f} objects/session  {k}")
PY
fi

# ---------------------------------------------------------------- 8. a cluster node: sessionCache + Hazelcast
wrk_count() { # seconds url cookie: "requests req/s" (no non-2xx allowed)
  local out; out=$(wrk -t1 -c16 -d"$1s" -H "Cookie: $3" "$2"); echo "$out" >> "$LOGS/wrk.log"
  if echo "$out" | grep -q 'Non-2xx'; then echo "wrk saw non-2xx answers on $2" >&2; echo "$out" >&2; exit 1; fi
  echo "$(echo "$out" | awk '/requests in/ {print $1}') $(echo "$out" | awk '/Requests\/sec/ {print $2}')"
}
cache_writes() { curl -s "$base/bench/api/probe/session-cache-writes" | awk '{p += $2; r += $3} END {print p + r}'; }
write_contents() { # GET_AND_SET_ATTRIBUTES | ONLY_SET_ATTRIBUTES, on the running server
  local before; before=$(grep -c 'CWWKG001[78]I' "$SDIR/logs/messages.log" || true)
  sed -i "s/writeContents=\"[A-Z_]*\"/writeContents=\"$1\"/" "$SDIR/server.xml"
  for _ in $(seq 1 60); do
    [ "$(grep -c 'CWWKG001[78]I' "$SDIR/logs/messages.log" || true)" -gt "$before" ] && sleep 2 && return 0
    sleep 0.5
  done
  echo "Liberty did not pick up writeContents=$1" >&2; return 1
}
if wants cluster; then
  lock cluster
  start_login_servers
  log "8a. single node, no session cache: unprotected vs floor + session lookup vs Passerine session"
  cookie=$(java -cp "$JAR" io.passerine.bench.LoginClient cookie "$secure_url")
  scookie=$(floor_session_cookie "$base")
  expect body hello "$secure_url" "$cookie"; expect body hello "$floor_url" "$scookie"
  WRK_WARMUP_ROUNDS=${WRK_WARMUP_ROUNDS:-2} alternate open="$open_url" floorsession="$floor_url|$scookie" passerine="$secure_url|$cookie"
  single_o=${M[open]}; single_p=${M[passerine]}; single_f=${M[floorsession]}
  stop_server
  log "8b. the same server as a cluster node (sessionCache-1.0 + Hazelcast member, writeContents=ONLY_SET_ATTRIBUTES)"
  configure cluster
  cp "$B/liberty/login.xml" "$B/liberty/hazelcast.xml" "$SDIR/"
  cp "$HOME/.m2/repository/com/hazelcast/hazelcast/5.5.0/hazelcast-5.5.0.jar" "$SDIR/hazelcast.jar"
  cp "$HOME/.m2/repository/javax/cache/cache-api/1.1.1/cache-api-1.1.1.jar" "$SDIR/cache-api.jar"
  printf '%s\n' "-Dhazelcast.config=$SDIR/hazelcast.xml" -Dhazelcast.jcache.provider.type=member \
    -Dhazelcast.phone.home.enabled=false -Dhazelcast.logging.type=jdk >> "$SDIR/jvm.options"
  start_server > /dev/null
  wait_for "$open_url" 200
  cookie=$(java -cp "$JAR" io.passerine.bench.LoginClient cookie "$secure_url")
  expect body hello "$secure_url" "$cookie"
  curl -s "$base/bench/api/probe/session-cache-writes" | sed 's/^/  session cache (puts, removals): /' >&2
  [ -n "$(curl -s "$base/bench/api/probe/session-cache-writes")" ] || { echo "no JCache statistics for the session caches" >&2; exit 1; }
  wrk_count 10 "$secure_url" "$cookie" > /dev/null # warm-up
  declare -A per_req
  for wc in GET_AND_SET_ATTRIBUTES ONLY_SET_ATTRIBUTES; do
    write_contents $wc
    w0=$(cache_writes); read -r nreq _ <<< "$(wrk_count 10 "$secure_url" "$cookie")"; w1=$(cache_writes)
    per_req[$wc]=$(awk -v a="$w0" -v b="$w1" -v n="$nreq" 'BEGIN {printf "%.3f", (b-a)/n}')
    echo "  writeContents=$wc: $((w1 - w0)) session-cache writes in $nreq protected requests (${per_req[$wc]}/request)" >&2
  done
  scookie=$(floor_session_cookie "$base")
  expect body hello "$floor_url" "$scookie"
  WRK_WARMUP_ROUNDS=${WRK_WARMUP_ROUNDS:-2} alternate open="$open_url" floorsession="$floor_url|$scookie" passerine="$secure_url|$cookie"
  node_o=${M[open]}; node_p=${M[passerine]}; node_f=${M[floorsession]}
  unlock
  row "8. session-cache writes per protected request, writeContents=ONLY_SET_ATTRIBUTES" "${per_req[ONLY_SET_ATTRIBUTES]}" "${per_req[GET_AND_SET_ATTRIBUTES]} (GET_AND_SET_ATTRIBUTES)" "-" "0" "$(awk -v w="${per_req[ONLY_SET_ATTRIBUTES]}" 'BEGIN {print (w == 0) ? "yes" : "NO"}')"
  row "8. protected GET on a cluster node (sessionCache), ratio to unprotected" "$(ratio "$node_p" "$node_o") ($node_p req/s)" "$(ratio "$single_p" "$single_o") single node, no cache ($single_p req/s)" "$(awk -v a="$node_p" -v b="$node_o" -v c="$single_p" -v d="$single_o" 'BEGIN {printf "%.3g", (a/b)/(c/d)}')" "-" "-"
  row "8. context: floor + session lookup on a cluster node, ratio to unprotected" "$(ratio "$node_f" "$node_o") ($node_f req/s)" "$(ratio "$single_f" "$single_o") single node, no cache ($single_f req/s)" "$(awk -v a="$node_f" -v b="$node_o" -v c="$single_f" -v d="$single_o" 'BEGIN {printf "%.3g", (a/b)/(c/d)}')" "-" "-"
  row "8. Passerine session vs floor + session lookup, cluster node, req/s" "$node_p" "$node_f (floor + session lookup)" "$(ratio "$node_p" "$node_f")" "-" "-"
fi

# ---------------------------------------------------------------- 9. moonshot: the native path after a JASPIC login
if wants moonshot; then
  lock moonshot
  configure moonshot
  cp "$B/liberty/login.xml" "$SDIR/"
  log "9. moonshot: webAppSecurity useLtpaSSOForJaspic=true (+ auth cache on, logoutOnHttpSessionExpire): Passerine vs unprotected vs floor"
  start_emulator
  start_server > /dev/null
  wait_for "$open_url" 200
  wait_for "$base/floor/api/open/hello" 200
  cookie=$(java -cp "$JAR" io.passerine.bench.LoginClient cookie "$secure_url")
  echo "  Passerine session cookies: $(echo "$cookie" | grep -o '[A-Za-z0-9_]*=' | tr -d = | tr '\n' ' ')" >&2
  expect body hello "$secure_url" "$cookie"; expect status 401 "$secure_url"
  expect body hello "$floor_url" "floor=1"
  # the floor mechanism registering its login (setRegisterSession, as @AutoApplySession does): Liberty sets an LTPA
  # cookie, and that cookie alone opens the endpoint (the mechanism itself would answer 401 to it)
  ltpa=$(floor_ltpa_cookie)
  # measured on its own: every JASPIC login (floor=1, Passerine's session path) adds an authentication-cache entry,
  # and once the cache's 25,000 entries evict the LTPA cookie's Subject, Liberty falls back to calling the mechanism
  alternate open="$open_url" floorltpa="$floor_url|$ltpa"
  ltpa_o=${M[open]}; ltpa_f=${M[floorltpa]}
  called() { curl -s -D - -o /dev/null -H "Cookie: $2" "$1" | tr -d '\r' | grep -qi '^X-Floor-Mechanism: called' && echo yes || echo no; }
  echo "  with the LTPA cookie alone, the floor mechanism is called on a protected URL: $(called "$floor_url?probe" "$ltpa"), on an unprotected URL: $(called "$base/floor/api/open/hello?probe" "$ltpa"); without it (floor=1), protected: $(called "$floor_url?probe" floor=1), unprotected: $(called "$base/floor/api/open/hello?probe" floor=1)" >&2
  alternate open="$open_url" floor="$floor_url|floor=1" passerine="$secure_url|$cookie"
  # correctness: after Passerine's logout the same cookies must not open the protected endpoint any more
  lo=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Origin: $base" -H "Cookie: $cookie" "$base/bench/oauth2/logout")
  after=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$secure_url")
  ltpa_only=$(echo "$cookie" | tr ';' '\n' | { grep -i ltpa || true; } | tr -d ' ' | head -1)
  after_ltpa=$(curl -s -o /dev/null -w '%{http_code}' ${ltpa_only:+-H "Cookie: $ltpa_only"} "$secure_url")
  echo "  logout answered $lo; afterwards the old cookies get $after, the LTPA cookie alone gets $after_ltpa (must not be 200)" >&2
  unlock
  om=${M[open]}; fm=${M[floor]}; pm=${M[passerine]}
  r=$(ratio "$pm" "$om")
  row "9. moonshot: Passerine session + useLtpaSSOForJaspic, Liberty, req/s" "$pm" "$om (unprotected)" "$r" ">= 0.84" "$(meets "$r" ">=" 0.84)"
  row "9. moonshot: the same vs the floor (no LTPA cookie: mechanism called), req/s" "$pm" "$fm (floor)" "$(ratio "$pm" "$fm")" "-" "-"
  r=$(ratio "$ltpa_f" "$ltpa_o")
  row "9. moonshot: floor mechanism + setRegisterSession, later requests on the LTPA cookie alone (native path), req/s" "$ltpa_f" "$ltpa_o (unprotected)" "$r" ">= 0.84" "$(meets "$r" ">=" 0.84)"
  row "9. moonshot: old cookies after logout (status; must not be 200)" "$after (LTPA alone: $after_ltpa)" "-" "-" "not 200" "$([ "$after" != 200 ] && [ "$after_ltpa" != 200 ] && echo yes || echo NO)"
fi

# ---------------------------------------------------------------- 9f. Liberty's own FORM login vs the native path
if wants form; then
  lock form
  configure form
  cp "$B/liberty/login.xml" "$B/liberty/moonshot.xml" "$SDIR/"
  log "9f. Liberty's FORM login (LTPA cookie) vs a Jakarta Security mechanism's native path (setRegisterSession + useLtpaSSOForJaspic) vs unprotected"
  start_server > /dev/null
  wait_for "$open_url" 200
  wait_for "$base/form/api/open/hello" 200
  form_url="$base/form/api/secure/hello"
  jar="$LOGS/form-cookies.txt"; rm -f "$jar"
  curl -s -c "$jar" -b "$jar" -o /dev/null "$form_url" # the login page, and the container's saved request
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "j_username=form-user&j_password=form-user-bench-only" "$base/form/j_security_check"
  fltpa=$(awk '$6 == "LtpaToken2" {print "LtpaToken2=" $7}' "$jar" | head -1)
  [ -n "$fltpa" ] || { echo "no LTPA cookie after the FORM login" >&2; exit 1; }
  expect body hello "$form_url" "$fltpa"; expect status 200 "$form_url" "$fltpa"
  ltpa=$(floor_ltpa_cookie)
  alternate open="$open_url" form="$form_url|$fltpa" floorltpa="$floor_url|$ltpa"
  unlock
  om=${M[open]}
  row "9f. Liberty FORM login, later requests on its LTPA cookie, req/s" "${M[form]}" "$om (unprotected)" "$(ratio "${M[form]}" "$om")" "-" "-"
  r=$(ratio "${M[floorltpa]}" "$om")
  row "9f. Jakarta Security mechanism's native path (setRegisterSession + useLtpaSSOForJaspic), req/s" "${M[floorltpa]}" "$om (unprotected)" "$r" ">= 0.84" "$(meets "$r" ">=" 0.84)"
  row "9f. the native path vs Liberty's FORM login, req/s" "${M[floorltpa]}" "${M[form]} (FORM login)" "$(ratio "${M[floorltpa]}" "${M[form]}")" "-" "-"
fi

# ---------------------------------------------------------------- the table
printf '\nPasserine benchmarks — %s, %s cores, %s; median of %s runs; load average now %s\n\n' \
  "$(date -u +%FT%TZ)" "$(nproc)" "$(java -version 2>&1 | head -1)" "$RUNS" "$(cut -d' ' -f1-3 /proc/loadavg)"
{
  printf 'measurement\tPasserine\tbaseline (same run)\tratio\ttarget\tmet\n'
  cut -f2- "$RESULTS"
} | column -t -s $'\t'
