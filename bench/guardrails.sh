#!/usr/bin/env bash
# Guardrail evaluation latency and throughput -> bench/reports/guardrails.md
# Usage: bench/guardrails.sh [runs=7] [evaluations per run=20000] [warm-up=30000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests compile
classpath=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
exec java -Xms1g -Xmx1g -cp "target/classes:${classpath}" bench/guardrails/GuardrailsBenchmark.java "$@"
