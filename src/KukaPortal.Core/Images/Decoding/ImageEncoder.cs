using System.Runtime.InteropServices;
using SkiaSharp;

namespace KukaPortal.Core.Images;

/// <summary>Writes a <see cref="PlanarImage"/> as an 8-bit PNG (grey or RGB); a 0/1 mask becomes 0/255 as MVTec AD stores ground truth.</summary>
public static class ImageEncoder
{
    public static byte[] Png(PlanarImage image)
    {
        var (width, height, plane) = (image.Width, image.Height, image.Width * image.Height);
        var grey = image.Channels == 1;
        var bytes = new byte[plane * (grey ? 1 : 4)];
        for (var i = 0; i < plane; i++)
        {
            if (grey)
            {
                bytes[i] = ToByte(image.Pixels[i]);
                continue;
            }
            for (var c = 0; c < 3; c++) bytes[4 * i + c] = ToByte(image.Pixels[c * plane + i]);
            bytes[4 * i + 3] = 255;
        }

        var info = new SKImageInfo(width, height, grey ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque);
        var handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using var png = pixmap.Encode(SKEncodedImageFormat.Png, 100)
                ?? throw new InvalidOperationException("SkiaSharp could not encode the image as PNG.");
            return png.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }

    private static byte ToByte(float value) => (byte)MathF.Round(Math.Clamp(value, 0f, 1f) * 255f);
}
