using System.Text;

namespace KukaPortal.Core.Formats;

/// <summary>Splits one line into fields, honouring double quotes (with "" as an escaped quote).</summary>
internal static class CsvLine
{
    public static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        if (line.IndexOf('"') < 0)
        {
            foreach (var field in line.Split(delimiter)) fields.Add(field.Trim());
            return fields;
        }

        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else current.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == delimiter) { fields.Add(current.ToString().Trim()); current.Clear(); }
            else current.Append(ch);
        }
        fields.Add(current.ToString().Trim());
        return fields;
    }
}
