#!/bin/sh
# Re-records jmeter-5.6.3-results.jtl with real Apache JMeter 5.6.3, fetched from Maven Central by the
# jmeter-maven-plugin in a throwaway Maven project outside the repository (the build never downloads JMeter).
# Needs python3, Maven and network access to Maven Central. Usage: sample-data/bench/jtl/record.sh [work-dir]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${1:-/tmp/jmeter-run}
port=8766
mkdir -p "$work/src/test/jmeter"
cp "$here/jmeter-results.jmx" "$work/src/test/jmeter/"
cat > "$work/pom.xml" <<'POM'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
    <modelVersion>4.0.0</modelVersion>
    <groupId>dev.perfdesk.samples</groupId>
    <artifactId>jmeter-run</artifactId>
    <version>1</version>
    <packaging>pom</packaging>
    <build>
        <plugins>
            <plugin>
                <groupId>com.lazerycode.jmeter</groupId>
                <artifactId>jmeter-maven-plugin</artifactId>
                <version>3.7.0</version>
                <executions>
                    <execution><id>configuration</id><goals><goal>configure</goal></goals></execution>
                    <execution><id>jmeter-tests</id><goals><goal>jmeter</goal></goals></execution>
                </executions>
                <configuration>
                    <jmeterVersion>5.6.3</jmeterVersion>
                    <resultsFileFormat>csv</resultsFileFormat>
                    <testResultsTimestamp>false</testResultsTimestamp>
                    <generateReports>false</generateReports>
                </configuration>
            </plugin>
        </plugins>
    </build>
</project>
POM
# '/' answers at once (every 10th is a 404); '/slow' waits 40-160 ms (every 7th is a 500)
python3 "$here/jmeter-server.py" "$port" &
server=$!
trap 'kill "$server"' EXIT
sleep 1
(cd "$work" && rm -rf target && mvn -B verify)
cp "$work/target/jmeter/results/jmeter-results.csv" "$here/jmeter-5.6.3-results.jtl"
