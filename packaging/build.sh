#!/usr/bin/env bash
# Builds Perfdesk's jpackage app image and .deb into packaging/out/:
#   packaging/build.sh            # app image and .deb
#   packaging/build.sh app-image  # the app image only
# Needs JDK 17+ (jpackage, jdeps), Maven, and for the .deb, fakeroot and dpkg-deb.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
types="${1:-all}"
version="$(sed -n 's:.*<version>\([0-9.]*\)\(-SNAPSHOT\)\?</version>.*:\1:p' "$root/pom.xml" | head -1)"

(cd "$root" && mvn -q -B -DskipTests package -pl app -am)

rm -rf "$out"
mkdir -p "$out/input"
cp "$root/app/target/perfdesk-app.jar" "$out/input/"
# The platform jars of JavaFX hold the classes; the unclassified ones are empty and only add noise.
for jar in "$root"/app/target/lib/*.jar; do
    name="$(basename "$jar")"
    case "$name" in
        javafx-*-linux.jar) cp "$jar" "$out/input/" ;;
        javafx-*) ;;
        *) cp "$jar" "$out/input/" ;;
    esac
done
# Sample data ships inside the image, so a new user sees a real profile on first start.
mkdir -p "$out/input/sample-data"
(cd "$root/sample-data" && find . -mindepth 2 -maxdepth 3 -type f ! -path './src/*' ! -name '.*' ! -name '*.md' \
    ! -name '*.sh' ! -name '*.cc' ! -name '*.py' ! -name '*.java' ! -name '*.c' ! -name '*.jmx' \
    -exec cp --parents {} "$out/input/sample-data/" \;)

modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 --class-path "$out/input/*" \
    "$out/input/perfdesk-app.jar" 2>/dev/null || true)"
modules="${modules:+$modules,}java.base,java.desktop,java.logging,java.sql,java.xml,java.naming,jdk.unsupported,jdk.jfr,jdk.management,jdk.zipfs,jdk.localedata"

common=(--name Perfdesk --app-version "$version" --vendor "Perfdesk"
        --description "Performance-analysis workbench: profiles, flame graphs, benchmarks and regressions")

jpackage --type app-image "${common[@]}" --dest "$out" --input "$out/input" \
    --main-jar perfdesk-app.jar --main-class dev.perfdesk.app.Main \
    --add-modules "$modules" \
    --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands" \
    --java-options "-Dperfdesk.sampledata=\$APPDIR/sample-data" \
    --java-options "-Xss4m"

if [ "$types" = "all" ]; then
    jpackage --type deb "${common[@]}" --dest "$out" --app-image "$out/Perfdesk" \
        --linux-package-name perfdesk --linux-app-category devel --linux-shortcut \
        --linux-package-deps "libgtk-3-0, libgl1, libxtst6, fonts-dejavu-core"
fi
rm -rf "$out/input"
echo "built:"
ls -1 "$out"
du -sh "$out"/* 2>/dev/null
