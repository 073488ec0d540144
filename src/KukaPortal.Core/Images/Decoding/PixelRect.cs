namespace KukaPortal.Core.Images;

/// <summary>A rectangle of whole pixels in an image: the left column, top row, width and height.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public static PixelRect Full(int width, int height) => new(0, 0, width, height);

    public bool Contains(int x, int y) => x >= X && x < X + Width && y >= Y && y < Y + Height;
}
