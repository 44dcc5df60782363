# dotnet-api: a self-contained .NET (Microsoft.NET.Sdk.Web, Kestrel) publish on bookworm
# minbase with what mcr's runtime-deps images carry: ICU (libicu72), OpenSSL, CA
# certificates, tzdata and zlib. Culture data comes from ICU: not invariant globalization.
packages=(libicu72 libssl3 ca-certificates tzdata zlib1g)
stage() {
  command -v dotnet >/dev/null || die "dotnet-api needs the .NET SDK (see the README's requirements)"
  dotnet publish "$fixture/src/DotnetApi.csproj" -c Release -o "$1" --nologo \
    -p:DebugType=none -v quiet
}
changes=(
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  'ENV ASPNETCORE_URLS=http://+:8080'
  'ENV DOTNET_RUNNING_IN_CONTAINER=true'
  'WORKDIR /app'
  'EXPOSE 8080'
  'ENTRYPOINT ["/app/DotnetApi"]'
)
