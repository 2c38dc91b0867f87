using System.Text;

namespace ActorTrading.Grpc.Tests.GrpcWeb;

public sealed class Base64DecodingStreamTests
{
    [Fact]
    public async Task ReadAsync_ChunksPaddedInTheMiddle_DecodesAllBytes()
    {
        byte[] first = [1, 2, 3, 4];
        byte[] second = [5, 6, 7, 8, 9];
        var text = Convert.ToBase64String(first) + Convert.ToBase64String(second);

        var decoded = await ReadAll(text, readSize: 3);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], decoded);
    }

    [Fact]
    public async Task ReadAsync_LargeBodyInSmallReads_DecodesExactly()
    {
        var data = Enumerable.Range(0, 50_000).Select(i => (byte)i).ToArray();

        var decoded = await ReadAll(Convert.ToBase64String(data), readSize: 7);

        Assert.Equal(data, decoded);
    }

    [Fact]
    public async Task ReadAsync_TruncatedGroup_ThrowsInvalidData()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAll("AQID" + "AQ", readSize: 16));
    }

    private static async Task<byte[]> ReadAll(string text, int readSize)
    {
        var stream = new Base64DecodingStream(new MemoryStream(Encoding.ASCII.GetBytes(text)));
        var output = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}
