global using KukaPortal.TestSupport;
global using Shouldly;
global using Xunit;
