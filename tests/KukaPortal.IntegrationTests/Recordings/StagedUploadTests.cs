using System.Net;
using System.Net.Http.Json;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Recordings;

/// <summary>The Data page's two-step upload through its API: validate and show the report, then confirm or discard.</summary>
public class StagedUploadTests(PortalFactory portal) : PortalTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_validated_upload_stores_nothing_until_confirmed_and_is_then_stored_once()
    {
        var asset = await CreateAssetAsync();
        using var admin = await SignInAsAdminAsync();

        var staged = await StageAsync(admin, asset, RobotCsv.Normal(rows: 400));

        staged.Reports.ShouldHaveSingleItem().Rows.ShouldBe(400);
        (await RecordingCountAsync(asset)).ShouldBe(0);
        var confirmed = await admin.Client.PostAsync($"/api/assets/{asset}/recordings/staged/{staged.UploadId}/confirm", null, Ct);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RecordingCountAsync(asset)).ShouldBe(1);
        var again = await admin.Client.PostAsync($"/api/assets/{asset}/recordings/staged/{staged.UploadId}/confirm", null, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("confirmed or discarded already");
        (await RecordingCountAsync(asset)).ShouldBe(1);
    }

    [Fact]
    public async Task A_discarded_upload_leaves_no_files_and_another_engineer_cannot_confirm_one()
    {
        var asset = await CreateAssetAsync();
        using var admin = await SignInAsAdminAsync();
        await Users.CreateAsync(Portal, "engineer@test.local", "Engineer-Password-1", PortalRoles.Engineer);
        using var engineer = await PortalSession.SignInAsync(Portal, "engineer@test.local", "Engineer-Password-1");
        var filesBefore = StoredFiles();

        var staged = await StageAsync(admin, asset, RobotCsv.Normal(rows: 300));
        StoredFiles().ShouldBeGreaterThan(filesBefore);
        (await engineer.Client.PostAsync($"/api/assets/{asset}/recordings/staged/{staged.UploadId}/confirm", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.Client.DeleteAsync($"/api/assets/{asset}/recordings/staged/{staged.UploadId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        StoredFiles().ShouldBe(filesBefore);
        (await RecordingCountAsync(asset)).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_that_fails_validation_is_rejected_at_once_with_its_report()
    {
        var asset = await CreateAssetAsync();
        using var admin = await SignInAsAdminAsync();

        var response = await admin.Client.PostAsync($"/api/assets/{asset}/recordings?stage=validate&fileName=bad.csv", new StringContent("a,b\n1,2\n3\n"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("nothing was stored");
        (await RecordingCountAsync(asset)).ShouldBe(0);
    }

    private static async Task<StagedView> StageAsync(PortalSession session, int asset, string csv)
    {
        var response = await session.Client.PostAsync($"/api/assets/{asset}/recordings?stage=validate&fileName=run.csv", new StringContent(csv), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<StagedView>(Ct))!;
    }

    private int StoredFiles() => Directory.Exists(Portal.StorageRoot) ? Directory.EnumerateFiles(Portal.StorageRoot, "*", SearchOption.AllDirectories).Count() : 0;

    private Task<int> RecordingCountAsync(int asset) => Portal.WithDbAsync(db => db.Recordings.CountAsync(r => r.AssetId == asset));

    private sealed record StagedView(Guid UploadId, List<ReportView> Reports);

    private sealed record ReportView(string Source, int Rows);
}
