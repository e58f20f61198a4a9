#!/usr/bin/env bash
# The "Run swadaya" step of action.yml (docs/ci.md). Runs the command, records its exit code as a
# step output instead of failing here, so the SARIF upload still runs; the last step fails the job.
set -uo pipefail

case "${INPUT_COMMAND}" in
  validate | score | diff) ;;
  *)
    echo "::error title=swadaya action::command must be validate, score or diff (got \"${INPUT_COMMAND}\")."
    echo "exit-code=2" >> "$GITHUB_OUTPUT"
    exit 0
    ;;
esac

read -r -a paths <<< "${INPUT_PATHS}"
read -r -a args <<< "${INPUT_ARGS}"
if [ "${#paths[@]}" -eq 0 ]; then
  echo "::error title=swadaya action::the paths input is empty; give the assessment files, directories or globs."
  echo "exit-code=2" >> "$GITHUB_OUTPUT"
  exit 0
fi

output="${INPUT_OUTPUT}"
if [ -z "$output" ] && [ "${INPUT_FORMAT}" = "sarif" ]; then output="swadaya.sarif"; fi

if [ -n "$output" ]; then
  node "$SWADAYA_BIN" "${INPUT_COMMAND}" "${paths[@]}" --format "${INPUT_FORMAT}" "${args[@]}" > "$output"
  status=$?
  echo "output-file=$output" >> "$GITHUB_OUTPUT"
else
  node "$SWADAYA_BIN" "${INPUT_COMMAND}" "${paths[@]}" --format "${INPUT_FORMAT}" "${args[@]}"
  status=$?
fi
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
exit 0
