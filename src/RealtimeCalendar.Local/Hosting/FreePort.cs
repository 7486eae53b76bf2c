using System.Net;
using System.Net.Sockets;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>Finds a free loopback port, for "port 0" requests where the port must be known before anything starts.</summary>
public static class FreePort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
