#!/usr/bin/env bash
# Getting the extension into an application, from the installed artifacts (run `./mvnw install` first):
# 1. `quarkus:create -Dextensions=<our coordinates>` makes a project with the codestart's example pipeline, whose
#    generated tests pass in JVM mode and against the packaged jar;
# 2. `quarkus:add-extension` adds our coordinates to an existing project, which then builds with a pipeline.
# The Quarkus registry is not reachable from CI: both goals use the Quarkus BOM's own catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
version=$(./mvnw -q -B -ntp help:evaluate -Dexpression=project.version -DforceStdout)
quarkus=$(./mvnw -q -B -ntp help:evaluate -Dexpression=quarkus.version -DforceStdout)
coordinates="io.quarkiverse.pipelinedeployment:quarkus-pipeline-deployment:${version}"
mvn="${repo}/mvnw -B -ntp"
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT
cd "${work}"

fail() {
    echo "create-app: $*" >&2
    exit 1
}

echo "== quarkus:create -Dextensions=${coordinates}"
${mvn} "io.quarkus:quarkus-maven-plugin:${quarkus}:create" -DprojectGroupId=org.acme \
    -DprojectArtifactId=scoring-app -Dextensions="${coordinates}" -DquarkusRegistryClient=false >create.log 2>&1 \
    || { cat create.log; fail "quarkus:create failed"; }
grep -q "pipeline-deployment-codestart" create.log || fail "the codestart was not applied"
[ -f scoring-app/src/main/java/org/acme/ScoringPipeline.java ] || fail "no example pipeline in the new project"
grep -q "<artifactId>quarkus-pipeline-deployment</artifactId>" scoring-app/pom.xml || fail "no dependency on us"
grep -q "quarkus.pipeline.app-title" scoring-app/src/main/resources/application.properties \
    || fail "the codestart's configuration is missing"
(cd scoring-app && ${mvn} verify -DskipITs=false >../verify.log 2>&1) || { tail -60 verify.log; fail "the new project's tests failed"; }
grep -E "Tests run: [0-9]+, Failures: 0, Errors: 0" verify.log | grep -q "ScoringPipelineIT" \
    || { tail -60 verify.log; fail "the packaged-jar test did not run"; }
echo "   created, codestart applied, ScoringPipelineTest and ScoringPipelineIT pass"

echo "== quarkus:add-extension -Dextensions=${coordinates}"
${mvn} "io.quarkus:quarkus-maven-plugin:${quarkus}:create" -DprojectGroupId=org.acme \
    -DprojectArtifactId=plain-app -Dextensions=io.quarkus:quarkus-arc -DnoCode -DquarkusRegistryClient=false \
    >create-plain.log 2>&1 || { cat create-plain.log; fail "creating the plain project failed"; }
grep -q "quarkus-pipeline-deployment" plain-app/pom.xml && fail "the plain project already has the extension"
(cd plain-app && ${mvn} "io.quarkus:quarkus-maven-plugin:${quarkus}:add-extension" -Dextensions="${coordinates}" \
    -DquarkusRegistryClient=false >../add.log 2>&1) || { cat add.log; fail "quarkus:add-extension failed"; }
grep -q "<artifactId>quarkus-pipeline-deployment</artifactId>" plain-app/pom.xml || { cat add.log; fail "add-extension did not add us"; }
mkdir -p plain-app/src/main/java/org/acme
cp scoring-app/src/main/java/org/acme/ScoringPipeline.java plain-app/src/main/java/org/acme/
(cd plain-app && ${mvn} package -DskipTests >../package.log 2>&1) || { tail -60 package.log; fail "the project with the added extension does not build"; }
[ -f plain-app/target/quarkus-app/quarkus-run.jar ] || fail "no packaged application"
echo "   added, and the project builds with a pipeline"
