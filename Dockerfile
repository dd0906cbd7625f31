# mailprof in a container, for CI systems that run images (GitLab CI, Woodpecker,
# Drone, Tekton...): the Debian package built from this tree (make deb) and
# installed into debian:bookworm-slim; `mailprof` is the entry point.
#   docker build -t mailprof .
#   docker run --rm -v "$PWD:/work" mailprof check profiles/
# Documented in docs/ci.md ("Container image").

FROM debian:bookworm-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      build-essential debhelper dpkg-dev fakeroot libinih-dev libssl-dev libxml2-dev pkgconf \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src/mailprof
COPY . .
# The test suite runs in the project's CI (and `make deb` without nocheck);
# here the package is built only, without the test-only build dependencies.
RUN DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b -Pnocheck \
 && mkdir /debs && mv ../mailprof_*.deb /debs/

FROM debian:bookworm-slim
COPY --from=build /debs/ /tmp/debs/
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/debs/mailprof_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/debs \
 && mailprof --version
# Root by default, as CI runners expect (they write reports into the checkout);
# locally, `docker run --user "$(id -u):$(id -g)"` keeps your own ids.
WORKDIR /work
ENTRYPOINT ["mailprof"]
CMD ["--help"]
