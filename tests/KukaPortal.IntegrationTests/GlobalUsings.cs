global using KukaPortal.TestSupport;
global using Shouldly;
global using Xunit;
global using static KukaPortal.TestSupport.PortalApi;
global using static KukaPortal.IntegrationTests.Infrastructure.Eventually;
global using KukaPortal.IntegrationTests.Infrastructure;
