# KukaPortal: build and run the portal. Build context = repository root.
#   docker build -t kukaportal .
#   docker build --build-arg TORCH_BACKEND=cuda --build-arg RUNTIME_IMAGE=<ASP.NET Core 10 runtime + CUDA> -t kukaportal:cuda .
# PostgreSQL is not in the image: pass ConnectionStrings__Portal at `docker run` (see README.md, "Docker").

# Base of the final image. It must provide the ASP.NET Core 10 runtime (`dotnet`); for the CUDA
# variant also the CUDA user-space libraries libtorch needs (the GPU driver comes from the host).
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build runs `npm ci` (build/FrontEndPackages.targets) to fetch ApexCharts and the SignalR client.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# cpu (TorchSharp-cpu) or cuda (TorchSharp-cuda-linux).
ARG TORCH_BACKEND=cpu
# auto: patch libLibTorchSharp.so only where the build stage's libstdc++ lacks GLIBCXX_3.4.32 (it has it
# here); always: patch anyway, for a runtime image older than the build stage (e.g. Debian 12); off.
ARG TORCH_NATIVE_FIX=auto
RUN dotnet publish src/KukaPortal.Web -c Release -r linux-x64 -o /app \
        -p:TorchBackend=$TORCH_BACKEND -p:TorchSharpNativeFix=$TORCH_NATIVE_FIX

FROM ${RUNTIME_IMAGE} AS runtime
# The .NET images have a non-root user 'app' (uid 1654); other bases get one here.
RUN (id -u app >/dev/null 2>&1 || (groupadd --gid 1654 app && useradd --uid 1654 --gid 1654 --create-home app)) \
    && mkdir -p /data/blobs && chown -R app:app /data
WORKDIR /app
COPY --from=build /app .
# The .NET runtime images listen on ASPNETCORE_HTTP_PORTS=8080.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__Root=/data/blobs
VOLUME /data
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "KukaPortal.Web.dll"]
