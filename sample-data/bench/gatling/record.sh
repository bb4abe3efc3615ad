#!/bin/sh
# Records Gatling runs of ../../src/gatling/PerfdeskSimulation.java against ../locust/server.py on 127.0.0.1:18091 (loopback only),
# through Gatling's Maven plugin in a throwaway Maven project: one run per Gatling version below (3.12.0 writes the
# text simulation.log, 3.13 and later the binary one; 3.13.4 is the last to write js/stats.json, 3.13.5 and later
# write only js/stats.js), and one more 3.13.5 run against the same server made slower. Every process started here
# is stopped here by its PID.
#   sh record.sh     (needs network for Maven Central the first time; writes NAME.simulation.log,
#                     NAME.stdout.txt and reports/NAME/ here)
# Each run's simulation.log is copied as NAME.simulation.log, its report's js/stats.json, js/global_stats.json,
# js/assertions.xml and js/stats.js (those the version writes) into reports/NAME/, and the console output (with
# Gatling's own summary) as NAME.stdout.txt.
set -eu
cd "$(dirname "$0")"
HERE=$(pwd)
WORK=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/src/test/java/perfdesk" reports
cp ../../src/gatling/PerfdeskSimulation.java "$WORK/src/test/java/perfdesk/"
cat >"$WORK/pom.xml" <<'POM'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.perfdesk.samples</groupId>
  <artifactId>gatling-samples</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.source>17</maven.compiler.source>
    <maven.compiler.target>17</maven.compiler.target>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <gatling.version>3.13.5</gatling.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>io.gatling.highcharts</groupId>
      <artifactId>gatling-charts-highcharts</artifactId>
      <version>${gatling.version}</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>io.gatling</groupId>
        <artifactId>gatling-maven-plugin</artifactId>
        <version>4.21.12</version>
        <configuration>
          <simulationClass>perfdesk.PerfdeskSimulation</simulationClass>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
POM

run() { # NAME GATLING-VERSION SERVER-ARGS...
    name=$1; version=$2; shift 2
    /usr/bin/python3 ../locust/server.py 18091 "$@" &
    SERVER=$!
    sleep 1
    rm -rf "$WORK/target/gatling"
    (cd "$WORK" && mvn -B -ntp gatling:test -Dgatling.version="$version") >"$name.stdout.txt" 2>&1 || true
    kill $SERVER
    wait $SERVER 2>/dev/null || true
    SERVER=
    report=$(ls -d "$WORK"/target/gatling/perfdesksimulation-* | head -1)
    cp "$report/simulation.log" "$name.simulation.log"
    mkdir -p "reports/$name"
    for f in stats.json global_stats.json assertions.xml stats.js; do
        if [ -f "$report/js/$f" ]; then cp "$report/js/$f" "reports/$name/"; fi
    done
}

run gatling-3.12.0 3.12.0
run gatling-3.13.4 3.13.4
run gatling-3.13.5 3.13.5
run gatling-3.13.5-slow 3.13.5 --delay-ms 15 --burn-ms 3
run gatling-3.15.1 3.15.1
sed -i "s#$WORK#WORK#g" ./*.stdout.txt
ls -l ./*.simulation.log reports/*
