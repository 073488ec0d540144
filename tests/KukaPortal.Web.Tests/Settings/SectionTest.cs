using AngleSharp.Dom;
using Bunit;

namespace KukaPortal.Web.Tests.Settings;

/// <summary>Finds the settings sections' inputs and buttons by their test ids.</summary>
public abstract class SectionTest : PortalComponentTest
{
    /// <summary>MudBlazor puts a field's extra attributes on its input; this also copes with a wrapper carrying them.</summary>
    protected static IElement Input<TComponent>(IRenderedComponent<TComponent> cut, string testId) where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }

    protected static bool IsDisabled(IElement button) => button.HasAttribute("disabled");
}
